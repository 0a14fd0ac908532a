import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { CommandStatus } from '@macenroll/plugin-enrollment-common';
import { enrollmentTranslationRef } from '../../translation';
import { StatusChip, StatusTone } from '../shared/StatusChip';

const TONES: Record<CommandStatus, StatusTone> = {
  queued: 'pending',
  sent: 'running',
  acknowledged: 'ok',
  error: 'error',
  notnow: 'warning',
};

const KNOWN = Object.keys(TONES);

/**
 * Where one MDM command stands, as a colored chip. The English labels are
 * the protocol's own words, which are also what a Mac's logs and Apple's
 * documentation say. A status this page does not know shows as the backend
 * names it.
 */
export const CommandStatusChip = (props: { status: CommandStatus }) => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const { status } = props;
  return (
    <StatusChip
      label={KNOWN.includes(status) ? t(`commandStatus.${status}`) : status}
      tone={TONES[status] ?? 'warning'}
    />
  );
};
