import { TableColumn } from '@backstage/core-components';
import { Computer, ComputerUser } from '@macenroll/plugin-enrollment-common';
import { ComputerLink } from '../shared/ComputerLink';
import { formatDateTime } from '../../utils/format';
import { InvitationLink } from '../shared/InvitationLink';
import { ComputerStatusLabel } from './ComputerStatusLabel';
import { ComputerUserCell } from './ComputerUserCell';

/** Department, building and room, those the directory knows. */
export function formatLocation(user: ComputerUser): string {
  const parts = [user.department, user.building, user.room].filter(Boolean);
  return parts.length ? parts.join(', ') : '—';
}

function dateTimeOrDash(iso?: string): string {
  return iso ? formatDateTime(iso) : '—';
}

/**
 * The computer list's columns. The backend decides the order, so none
 * sorts. A constant, so the table keeps its state between pages.
 */
export const COMPUTER_COLUMNS: TableColumn<Computer>[] = [
  { title: 'Name', render: row => <ComputerLink computer={row} /> },
  { title: 'Serial number', render: row => row.serialNumber || '—' },
  { title: 'Model', render: row => row.model || '—' },
  { title: 'OS version', render: row => row.osVersion || '—' },
  {
    title: 'Status',
    render: row => <ComputerStatusLabel status={row.status} />,
  },
  { title: 'User', render: row => <ComputerUserCell user={row.user} /> },
  { title: 'Location', render: row => formatLocation(row.user) },
  { title: 'Site', render: row => row.site?.name ?? '—' },
  { title: 'Enrolled at', render: row => dateTimeOrDash(row.enrolledAt) },
  { title: 'Last seen', render: row => dateTimeOrDash(row.lastSeenAt) },
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
