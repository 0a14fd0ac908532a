import { TableColumn } from '@backstage/core-components';
import { EnrollmentEvent } from '@macenroll/plugin-enrollment-common';
import { EventCategoryChip } from '../EventCategoryChip';
import { displayUserRef, formatDateTime } from '../../utils/format';
import { InvitationLink } from './InvitationLink';

/**
 * The columns of one invitation's activity, where a link to the invitation
 * would lead back to the same page. The backend lists newest first, so no
 * column sorts. Constants, so tables keep their state between pages.
 */
export const INVITATION_EVENT_COLUMNS: TableColumn<EnrollmentEvent>[] = [
  { title: 'Time', render: row => formatDateTime(row.createdAt) },
  { title: 'Category', render: row => <EventCategoryChip type={row.type} /> },
  { title: 'What', render: row => row.message },
  {
    title: 'Who',
    render: row => (row.actor ? displayUserRef(row.actor) : '—'),
  },
];

/** The columns of the activity log, events of every invitation and none. */
export const EVENT_COLUMNS: TableColumn<EnrollmentEvent>[] = [
  ...INVITATION_EVENT_COLUMNS,
  {
    title: 'Invitation',
    render: row =>
      row.invitationId ? (
        <InvitationLink invitationId={row.invitationId} />
      ) : (
        '—'
      ),
  },
];
