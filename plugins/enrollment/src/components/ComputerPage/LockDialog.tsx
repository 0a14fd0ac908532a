import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { FormEvent, useState } from 'react';
import { enrollmentTranslationRef } from '../../translation';
import { lockPinProblem } from './commands';

/**
 * Asks for the PIN that unlocks the Mac and an optional message to show on
 * it. `onLock` runs only with a valid PIN; `onClose` without locking.
 */
export const LockDialog = (props: {
  onLock: (pin: string, message?: string) => void;
  onClose: () => void;
}) => {
  const { onLock, onClose } = props;
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState('');
  const [tried, setTried] = useState(false);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const problem = lockPinProblem(pin, t);
  // Letters are wrong at once; a short PIN only once the admin tried it.
  const shownProblem = tried || /\D/.test(pin) ? problem : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problem) return;
    onLock(pin, message.trim() || undefined);
  };

  return (
    <Dialog
      open
      // A stray click beside the dialog must not lose the PIN being typed.
      onClose={(_event, reason) => reason !== 'backdropClick' && onClose()}
      fullWidth
      maxWidth="sm"
      aria-labelledby="computer-lock-title"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="computer-lock-title">
          {t('computer.lock.title')}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {t('computer.lock.explanation')}
          </DialogContentText>
          <TextField
            id="computer-lock-pin"
            label={t('computer.lock.pin')}
            required
            fullWidth
            margin="normal"
            value={pin}
            onChange={e => setPin(e.target.value)}
            error={shownProblem !== undefined}
            helperText={shownProblem ?? t('computer.lock.pinHelp')}
            inputProps={{
              inputMode: 'numeric',
              maxLength: 6,
              autoComplete: 'off',
            }}
          />
          <TextField
            id="computer-lock-message"
            label={t('computer.lock.message')}
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            value={message}
            onChange={e => setMessage(e.target.value)}
            helperText={t('computer.lock.messageHelp')}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="submit"
            color="secondary"
            variant="contained"
            data-testid="computer-action-lock-confirm"
          >
            {t('computer.lock.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
