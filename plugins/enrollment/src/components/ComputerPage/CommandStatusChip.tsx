import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { CommandStatus } from '@macenroll/plugin-enrollment-common';

/**
 * What admins read for each status: the protocol's own words, which are
 * also what a Mac's logs and Apple's documentation say.
 */
export const COMMAND_STATUS_LABELS: Record<CommandStatus, string> = {
  queued: 'queued',
  sent: 'sent',
  acknowledged: 'acknowledged',
  error: 'error',
  notnow: 'not now',
};

function colorOf(theme: Theme, status: CommandStatus): string {
  const colors = theme.palette.status;
  switch (status) {
    case 'queued':
      return colors.pending;
    case 'sent':
      return colors.running;
    case 'acknowledged':
      return colors.ok;
    case 'error':
      return colors.error;
    default:
      return colors.warning;
  }
}

const useStyles = makeStyles<Theme, { status: CommandStatus }>(theme => ({
  chip: ({ status }) => {
    const color = colorOf(theme, status);
    return {
      backgroundColor: color,
      color: theme.palette.getContrastText(color),
      margin: 0,
    };
  },
}));

/** Where one MDM command stands, as a colored chip. */
export const CommandStatusChip = (props: { status: CommandStatus }) => {
  const classes = useStyles({ status: props.status });
  return (
    <Chip
      size="small"
      className={classes.chip}
      label={COMMAND_STATUS_LABELS[props.status] ?? props.status}
    />
  );
};
