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
} from '../../utils/format';
import { EnrollmentT } from '../../utils/translate';
import { InvitationStatusChip } from '../InvitationStatusChip';

// Atomic values (an address, a status, a date, a count) never break mid-way.
const nowrap = { whiteSpace: 'nowrap' } as const;

/**
 * Opens the invitation, for keyboard users; rows open it on click too. An
 * address never breaks inside; the list breaks between addresses.
 */
const RecipientsLink = ({ invitation }: { invitation: Invitation }) => {
  const invitationRoute = useRouteRef(invitationRouteRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const shown = invitation.recipients.slice(0, 3);
  const more = invitation.recipientCount - shown.length;
  return (
    <Link
      to={invitationRoute({ id: invitation.id })}
      onClick={e => e.stopPropagation()}
    >
      {invitation.recipientCount === 0 ? (
        <Typography component="span" variant="body2">
          <em>{t('recipientsSummary.linkOnly')}</em>
        </Typography>
      ) : (
        <>
          {shown.map((email, i) => (
            <span key={email} style={nowrap}>
              {email}
              {i < shown.length - 1 ? ', ' : ''}
            </span>
          ))}
          {more > 0 && (
            <span style={nowrap}>
              {' '}
              {t('recipientsSummary.moreOnly', { more: String(more) })}
            </span>
          )}
        </>
      )}
    </Link>
  );
};

/** Two short lines that never break inside. */
const TwoLines = (props: { first: string; second: string }) => (
  <>
    <span style={{ ...nowrap, display: 'block' }}>{props.first}</span>
    {/* Not the theme's secondary grey: it fails contrast on striped rows. */}
    <Typography
      component="span"
      variant="body2"
      style={{ ...nowrap, display: 'block' }}
    >
      {props.second}
    </Typography>
  </>
);

// The backend sorts; keeping the rows' order stops the table re-sorting them.
const keepOrder = () => 0;

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
    // Narrow enough that the other columns fit at 1280 px; the list wraps
    // between addresses.
    cellStyle: { minWidth: 160, maxWidth: 240 },
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
    title: t('invitations.columns.options'),
    sorting: false,
    render: row => (
      <TwoLines
        first={t(
          row.requireLogin
            ? 'invitations.options.login'
            : 'invitations.options.noLogin',
        )}
        second={t(
          row.multipleUses
            ? 'invitations.options.multipleUses'
            : 'invitations.options.singleUse',
        )}
      />
    ),
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
    title: t('invitations.columns.createdAt'),
    field: 'createdAt',
    customSort: keepOrder,
    defaultSort: 'desc',
    render: row => (
      <TwoLines
        first={formatDateTime(row.createdAt)}
        second={displayUserRef(row.createdBy)}
      />
    ),
  },
];
