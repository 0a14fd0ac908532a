import { CommandStatus } from '@macenroll/plugin-enrollment-common';
import { StatusChip, StatusTone } from '../shared/StatusChip';

/**
 * What admins read for each status: the protocol's own words, which are
 * also what a Mac's logs and Apple's documentation say.
 */
export const COMMAND_STATUS_LABELS: Record<CommandStatus, string> = {
  queued: 'queued',
  sent: 'sent',
  acknowledged: 'acknowledged',
  error: 'error',
  notnow: 'not now',
};

const TONES: Record<CommandStatus, StatusTone> = {
  queued: 'pending',
  sent: 'running',
  acknowledged: 'ok',
  error: 'error',
  notnow: 'warning',
};

/** Where one MDM command stands, as a colored chip. */
export const CommandStatusChip = (props: { status: CommandStatus }) => (
  <StatusChip
    label={COMMAND_STATUS_LABELS[props.status] ?? props.status}
    tone={TONES[props.status] ?? 'warning'}
  />
);
