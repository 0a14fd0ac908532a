import { TableColumn } from '@backstage/core-components';
import { EnrollmentEvent } from '@macenroll/plugin-enrollment-common';
import { EventCategoryChip } from '../EventCategoryChip';
import { displayUserRef, formatDateTime } from '../../utils/format';
import { EnrollmentT } from '../../utils/translate';
import { InvitationLink } from './InvitationLink';

/**
 * The columns of one invitation's activity, where a link to the invitation
 * would lead back to the same page. The backend lists newest first, so no
 * column sorts. Memoize them, so tables keep their state between pages.
 */
export const invitationEventColumns = (
  t: EnrollmentT,
): TableColumn<EnrollmentEvent>[] => [
  {
    title: t('events.columns.time'),
    cellStyle: { whiteSpace: 'nowrap' },
    render: row => formatDateTime(row.createdAt),
  },
  {
    title: t('events.columns.category'),
    cellStyle: { whiteSpace: 'nowrap' },
    render: row => <EventCategoryChip type={row.type} />,
  },
  { title: t('events.columns.what'), render: row => row.message },
  {
    title: t('events.columns.who'),
    render: row => (row.actor ? displayUserRef(row.actor) : '—'),
  },
];

/** The columns of the activity log, events of every invitation and none. */
export const eventColumns = (
  t: EnrollmentT,
): TableColumn<EnrollmentEvent>[] => [
  ...invitationEventColumns(t),
  {
    title: t('events.columns.invitation'),
    render: row =>
      row.invitationId ? (
        <InvitationLink invitationId={row.invitationId} />
      ) : (
        '—'
      ),
  },
];
