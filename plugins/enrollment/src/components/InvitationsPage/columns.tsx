import { Link, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Typography from '@material-ui/core/Typography';
import { Invitation } from '@macenroll/plugin-enrollment-common';
import { invitationRouteRef } from '../../routes';
import { enrollmentTranslationRef } from '../../translation';
import {
  displayUserRef,
  formatDateTime,
  formatExpiryDate,
  summarizeRecipients,
  yesNo,
} from '../../utils/format';
import { EnrollmentT } from '../../utils/translate';
import { InvitationStatusChip } from '../InvitationStatusChip';

/** Opens the invitation, for keyboard users; rows open it on click too. */
const RecipientsLink = ({ invitation }: { invitation: Invitation }) => {
  const invitationRoute = useRouteRef(invitationRouteRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const text = summarizeRecipients(
    invitation.recipients,
    invitation.recipientCount,
    t,
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

// Atomic values (a status, a date, a count) never break mid-way.
const nowrap = { whiteSpace: 'nowrap' } as const;

/**
 * The invitation list's columns. Fields of sortable columns are the
 * backend's `orderBy` values. Memoize them, so the table keeps its sort state.
 */
export const invitationColumns = (
  t: EnrollmentT,
): TableColumn<Invitation>[] => [
  {
    title: t('invitations.columns.number'),
    sorting: false,
    cellStyle: nowrap,
    render: row => row.number,
  },
  {
    title: t('invitations.columns.status'),
    field: 'status',
    customSort: keepOrder,
    cellStyle: nowrap,
    render: row => <InvitationStatusChip status={row.status} />,
  },
  {
    title: t('invitations.columns.recipients'),
    sorting: false,
    render: row => <RecipientsLink invitation={row} />,
  },
  {
    title: t('invitations.columns.expires'),
    field: 'expiresAt',
    customSort: keepOrder,
    cellStyle: nowrap,
    render: row => formatExpiryDate(row.expiresAt),
  },
  {
    title: t('invitations.columns.loginRequired'),
    sorting: false,
    render: row => yesNo(row.requireLogin, t),
  },
  {
    title: t('invitations.columns.multipleUses'),
    sorting: false,
    render: row => yesNo(row.multipleUses, t),
  },
  {
    title: t('invitations.columns.timesUsed'),
    field: 'timesUsed',
    customSort: keepOrder,
  },
  {
    title: t('invitations.columns.enrolledComputers'),
    sorting: false,
    render: row => row.enrolledComputers,
  },
  {
    title: t('invitations.columns.site'),
    sorting: false,
    render: row => row.site?.name ?? '—',
  },
  {
    title: t('invitations.columns.createdBy'),
    sorting: false,
    render: row => displayUserRef(row.createdBy),
  },
  {
    title: t('invitations.columns.createdAt'),
    field: 'createdAt',
    customSort: keepOrder,
    defaultSort: 'desc',
    cellStyle: nowrap,
    render: row => formatDateTime(row.createdAt),
  },
];
