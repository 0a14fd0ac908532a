import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { InvitationStatus } from '@macenroll/plugin-enrollment-common';

/** What admins read for each status. */
export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  pending: 'Pending',
  sent: 'Sent',
  'partially-sent': 'Partially sent',
  failed: 'Failed',
  used: 'Used',
  expired: 'Expired',
  cancelled: 'Cancelled',
};

function colorOf(theme: Theme, status: InvitationStatus): string {
  const colors = theme.palette.status;
  switch (status) {
    case 'pending':
      return colors.pending;
    case 'sent':
      return colors.ok;
    case 'partially-sent':
      return colors.warning;
    case 'failed':
      return colors.error;
    case 'used':
      return colors.running;
    default:
      return colors.aborted;
  }
}

const useStyles = makeStyles<Theme, { status: InvitationStatus }>(theme => ({
  chip: ({ status }) => {
    const color = colorOf(theme, status);
    return {
      backgroundColor: color,
      color: theme.palette.getContrastText(color),
      margin: 0,
    };
  },
}));

/** An invitation's status as a colored chip. */
export const InvitationStatusChip = (props: { status: InvitationStatus }) => {
  const classes = useStyles({ status: props.status });
  return (
    <Chip
      size="small"
      className={classes.chip}
      label={INVITATION_STATUS_LABELS[props.status] ?? props.status}
    />
  );
};
