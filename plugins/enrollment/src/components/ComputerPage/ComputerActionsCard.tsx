import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  computerCommandPermission,
  ComputerDetails,
  QueueCommandRequest,
} from '@macenroll/plugin-enrollment-common';
import { useState } from 'react';
import { enrollmentApiRef } from '../../api';
import { ConfirmedActionButton } from '../shared/ConfirmedActionButton';
import { errorMessage, isNotAllowed } from '../../utils/errorMessage';
import { COMMAND_LABELS, queuedMessage } from './commands';
import { LockDialog } from './LockDialog';

type Outcome = { severity: 'success' | 'error'; text: string };

const NOT_ALLOWED =
  'You need the enrollment.computer.command permission to send commands to this Mac.';

function failure(what: string, error: unknown): Outcome {
  return {
    severity: 'error',
    text: isNotAllowed(error) ? NOT_ALLOWED : `${what}: ${errorMessage(error)}`,
  };
}

/**
 * The commands an admin can send the Mac. Each says what the backend did,
 * and `onSent` refreshes what the page shows.
 */
export const ComputerActionsCard = (props: {
  computer: ComputerDetails;
  onSent: () => void;
}) => {
  const { computer, onSent } = props;
  const api = useApi(enrollmentApiRef);
  const permission = usePermission({
    permission: computerCommandPermission,
    resourceRef: computer.id,
  });
  const [busy, setBusy] = useState(false);
  const [locking, setLocking] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const unenrolled = computer.status === 'unenrolled';
  const denied = !permission.loading && !permission.allowed;
  const disabled = busy || unenrolled || denied;

  const run = async (action: () => Promise<Outcome>) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      setOutcome(await action());
    } finally {
      setBusy(false);
      onSent();
    }
  };

  // Never throws, so a confirming dialog closes and the card tells the result.
  const queue = (request: QueueCommandRequest) =>
    run(async () => {
      try {
        const command = await api.queueComputerCommand(computer.id, request);
        return {
          severity: 'success',
          text: queuedMessage(command, request.pin),
        };
      } catch (e) {
        return failure(
          `${COMMAND_LABELS[request.requestType]} was not queued`,
          e,
        );
      }
    });

  const push = () =>
    run(async () => {
      try {
        await api.pushComputer(computer.id);
        return {
          severity: 'success',
          text: 'A blank push was sent: when the Mac is online, it checks in and fetches its queued commands.',
        };
      } catch (e) {
        return failure('The push was not sent', e);
      }
    });

  let note;
  if (unenrolled) {
    note =
      'This Mac is no longer enrolled, so it cannot receive commands. Its history stays below.';
  } else if (denied) {
    note = NOT_ALLOWED;
  }

  return (
    <InfoCard title="Commands">
      <Typography variant="body2" color="textSecondary" paragraph>
        {note ??
          'Commands wait for the Mac: it is woken with a push and runs them when it checks in.'}
      </Typography>
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        <Button
          variant="outlined"
          color="primary"
          disabled={disabled}
          data-testid="computer-action-update-inventory"
          onClick={() => queue({ requestType: 'DeviceInformation' })}
        >
          {COMMAND_LABELS.DeviceInformation}
        </Button>
        <Button
          variant="outlined"
          color="primary"
          disabled={disabled}
          data-testid="computer-action-push"
          onClick={push}
        >
          Send blank push
        </Button>
        <ConfirmedActionButton
          label={COMMAND_LABELS.RestartDevice}
          question="Restart this Mac?"
          explanation="It restarts as soon as it receives the command. Work its user has not saved may be lost."
          keepLabel="Cancel"
          disabled={disabled}
          testId="computer-action-restart"
          action={() => queue({ requestType: 'RestartDevice' })}
        />
        <Button
          variant="outlined"
          color="secondary"
          disabled={disabled}
          data-testid="computer-action-lock"
          onClick={() => setLocking(true)}
        >
          {COMMAND_LABELS.DeviceLock}
        </Button>
        <ConfirmedActionButton
          label={COMMAND_LABELS.RemoveProfile}
          question="Remove this Mac from management?"
          explanation="The Mac leaves management: it removes the management profile with the settings and certificates it installed, and no command reaches it any more. To manage it again, its user must enroll it anew."
          keepLabel="Keep it managed"
          disabled={disabled}
          testId="computer-action-remove"
          action={() => queue({ requestType: 'RemoveProfile' })}
        />
      </Box>
      {outcome && (
        <Box mt={2} role={outcome.severity === 'error' ? 'alert' : 'status'}>
          <Alert severity={outcome.severity}>{outcome.text}</Alert>
        </Box>
      )}
      {locking && (
        <LockDialog
          onClose={() => setLocking(false)}
          onLock={(pin, message) => {
            setLocking(false);
            queue({ requestType: 'DeviceLock', pin, message });
          }}
        />
      )}
    </InfoCard>
  );
};
