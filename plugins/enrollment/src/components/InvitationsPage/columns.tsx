import { Link, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { Invitation } from '@macenroll/plugin-enrollment-common';
import { invitationRouteRef } from '../../routes';
import {
  displayUserRef,
  formatDateTime,
  formatExpiryDate,
  summarizeRecipients,
  yesNo,
} from '../../utils/format';
import { InvitationStatusChip } from '../InvitationStatusChip';

/** Opens the invitation, for keyboard users; rows open it on click too. */
const RecipientsLink = ({ invitation }: { invitation: Invitation }) => {
  const invitationRoute = useRouteRef(invitationRouteRef);
  const text = summarizeRecipients(
    invitation.recipients,
    invitation.recipientCount,
  );
  return (
    <Link
      to={invitationRoute({ id: invitation.id })}
      onClick={e => e.stopPropagation()}
    >
      {invitation.recipientCount === 0 ? (
        <Typography component="span" variant="body2">
          <em>{text}</em>
        </Typography>
      ) : (
        text
      )}
    </Link>
  );
};

// The backend sorts; keeping the rows' order stops the table re-sorting them.
const keepOrder = () => 0;

/**
 * The invitation list's columns. Fields of sortable columns are the
 * backend's `orderBy` values. A constant, so the table keeps its sort state.
 */
export const INVITATION_COLUMNS: TableColumn<Invitation>[] = [
  {
    title: 'Status',
    field: 'status',
    customSort: keepOrder,
    render: row => <InvitationStatusChip status={row.status} />,
  },
  {
    title: 'Recipients',
    sorting: false,
    render: row => <RecipientsLink invitation={row} />,
  },
  {
    title: 'Expires',
    field: 'expiresAt',
    customSort: keepOrder,
    render: row => formatExpiryDate(row.expiresAt),
  },
  {
    title: 'Login required',
    sorting: false,
    render: row => yesNo(row.requireLogin),
  },
  {
    title: 'Multiple uses',
    sorting: false,
    render: row => yesNo(row.multipleUses),
  },
  {
    title: 'Times used',
    field: 'timesUsed',
    customSort: keepOrder,
  },
  {
    title: 'Site',
    sorting: false,
    render: row => row.site?.name ?? '—',
  },
  {
    title: 'Created by',
    sorting: false,
    render: row => displayUserRef(row.createdBy),
  },
  {
    title: 'Created at',
    field: 'createdAt',
    customSort: keepOrder,
    defaultSort: 'desc',
    render: row => formatDateTime(row.createdAt),
  },
];
