import { TableColumn } from '@backstage/core-components';
import { Computer, ComputerUser } from '@macenroll/plugin-enrollment-common';
import { ComputerLink } from '../shared/ComputerLink';
import { formatDateTime } from '../../utils/format';
import { EnrollmentT } from '../../utils/translate';
import { InvitationLink } from '../shared/InvitationLink';
import { ComputerStatusLabel } from './ComputerStatusLabel';
import { ComputerUserCell } from './ComputerUserCell';

/** Department, building and room, those the directory knows. */
export function formatLocation(user: ComputerUser): string {
  const parts = [user.department, user.building, user.room].filter(Boolean);
  return parts.length ? parts.join(', ') : '—';
}

// Atomic values (a serial, a status, a date, an address) never break mid-way.
const nowrap = { whiteSpace: 'nowrap' } as const;

function dateTimeOrDash(iso?: string): string {
  return iso ? formatDateTime(iso) : '—';
}

/**
 * The computer list's columns. The backend decides the order, so none
 * sorts. Memoize them, so the table keeps its state between pages.
 */
export const computerColumns = (t: EnrollmentT): TableColumn<Computer>[] => [
  {
    title: t('computers.columns.name'),
    render: row => <ComputerLink computer={row} />,
  },
  {
    title: t('computers.columns.serialNumber'),
    cellStyle: nowrap,
    render: row => row.serialNumber || '—',
  },
  { title: t('computers.columns.model'), render: row => row.model || '—' },
  {
    title: t('computers.columns.osVersion'),
    cellStyle: nowrap,
    render: row => row.osVersion || '—',
  },
  {
    title: t('computers.columns.status'),
    cellStyle: nowrap,
    render: row => <ComputerStatusLabel status={row.status} />,
  },
  {
    title: t('computers.columns.user'),
    render: row => <ComputerUserCell user={row.user} />,
  },
  {
    title: t('computers.columns.location'),
    render: row => formatLocation(row.user),
  },
  {
    title: t('computers.columns.site'),
    render: row => row.site?.name ?? '—',
  },
  {
    title: t('computers.columns.enrolledAt'),
    cellStyle: nowrap,
    render: row => dateTimeOrDash(row.enrolledAt),
  },
  {
    title: t('computers.columns.lastSeen'),
    cellStyle: nowrap,
    render: row => dateTimeOrDash(row.lastSeenAt),
  },
  {
    title: t('computers.columns.invitation'),
    render: row =>
      row.invitationId ? (
        <InvitationLink invitationId={row.invitationId} />
      ) : (
        '—'
      ),
  },
];
