import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  INVITATION_STATUSES,
  InvitationStatus,
} from '@macenroll/plugin-enrollment-common';
import { enrollmentTranslationRef } from '../../translation';
import { EnrollmentT } from '../../utils/translate';
import { StatusChip, StatusTone } from '../shared/StatusChip';

/**
 * What admins read for a status; one this page does not know shows as the
 * backend names it.
 */
export function invitationStatusLabel(
  status: InvitationStatus,
  t: EnrollmentT,
): string {
  return INVITATION_STATUSES.includes(status)
    ? t(`invitationStatus.${status}`)
    : status;
}

const TONES: Record<InvitationStatus, StatusTone> = {
  pending: 'pending',
  sent: 'ok',
  active: 'ok',
  'partially-sent': 'warning',
  failed: 'error',
  used: 'running',
  expired: 'aborted',
  cancelled: 'aborted',
};

/** An invitation's status as a colored chip. */
export const InvitationStatusChip = (props: { status: InvitationStatus }) => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  return (
    <StatusChip
      label={invitationStatusLabel(props.status, t)}
      tone={TONES[props.status] ?? 'aborted'}
    />
  );
};
