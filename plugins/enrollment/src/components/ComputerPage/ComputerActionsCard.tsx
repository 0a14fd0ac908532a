import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
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
import { enrollmentTranslationRef } from '../../translation';
import { ConfirmedActionButton } from '../shared/ConfirmedActionButton';
import { errorMessage, isNotAllowed } from '../../utils/errorMessage';
import { EnrollmentT } from '../../utils/translate';
import { commandLabel, queuedMessage } from './commands';
import { LockDialog } from './LockDialog';

type Outcome = { severity: 'success' | 'error'; text: string };

/** Why the backend refused: the missing permission, or in its words. */
function failure(
  error: unknown,
  t: EnrollmentT,
  what: (reason: string) => string,
): Outcome {
  return {
    severity: 'error',
    text: isNotAllowed(error)
      ? t('computer.actions.notAllowed')
      : what(errorMessage(error)),
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
  const { t } = useTranslationRef(enrollmentTranslationRef);
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
          text: queuedMessage(command, t, request.pin),
        };
      } catch (e) {
        return failure(e, t, reason =>
          t('computer.actions.notQueued', {
            label: commandLabel(request.requestType, t),
            error: reason,
          }),
        );
      }
    });

  const push = () =>
    run(async () => {
      try {
        await api.pushComputer(computer.id);
        return {
          severity: 'success',
          text: t('computer.actions.pushSent'),
        };
      } catch (e) {
        return failure(e, t, reason =>
          t('computer.actions.pushFailed', { error: reason }),
        );
      }
    });

  let note;
  if (unenrolled) {
    note = t('computer.actions.unenrolled');
  } else if (denied) {
    note = t('computer.actions.notAllowed');
  }

  return (
    <InfoCard title={t('computer.actions.title')}>
      <Typography variant="body2" color="textSecondary" paragraph>
        {note ?? t('computer.actions.intro')}
      </Typography>
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        <Button
          variant="outlined"
          color="primary"
          disabled={disabled}
          data-testid="computer-action-update-inventory"
          onClick={() => queue({ requestType: 'DeviceInformation' })}
        >
          {commandLabel('DeviceInformation', t)}
        </Button>
        <Button
          variant="outlined"
          color="primary"
          disabled={disabled}
          data-testid="computer-action-push"
          onClick={push}
        >
          {t('computer.actions.push')}
        </Button>
        <ConfirmedActionButton
          label={commandLabel('RestartDevice', t)}
          question={t('computer.actions.restartQuestion')}
          explanation={t('computer.actions.restartExplanation')}
          keepLabel={t('common.cancel')}
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
          {commandLabel('DeviceLock', t)}
        </Button>
        <ConfirmedActionButton
          label={commandLabel('RemoveProfile', t)}
          question={t('computer.actions.removeQuestion')}
          explanation={t('computer.actions.removeExplanation')}
          keepLabel={t('computer.actions.keepManaged')}
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
