import { InvitationStatus } from '@macenroll/plugin-enrollment-common';
import { StatusChip, StatusTone } from '../shared/StatusChip';

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

const TONES: Record<InvitationStatus, StatusTone> = {
  pending: 'pending',
  sent: 'ok',
  'partially-sent': 'warning',
  failed: 'error',
  used: 'running',
  expired: 'aborted',
  cancelled: 'aborted',
};

/** An invitation's status as a colored chip. */
export const InvitationStatusChip = (props: { status: InvitationStatus }) => (
  <StatusChip
    label={INVITATION_STATUS_LABELS[props.status] ?? props.status}
    tone={TONES[props.status] ?? 'aborted'}
  />
);
