import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { errorMessage } from '../../utils/errorMessage';

/**
 * A button for an action that cannot be undone: it asks first, runs the
 * action, and keeps the dialog open with the error when it fails.
 */
export const ConfirmedActionButton = (props: {
  /** The button's and the confirming button's label. */
  label: string;
  question: string;
  explanation: string;
  /** The label of the button that closes the dialog without acting. */
  keepLabel: string;
  action: () => Promise<void>;
  disabled?: boolean;
  /** For browser tests, on the button that opens the dialog. */
  testId?: string;
}) => {
  const { label, question, explanation, keepLabel, action, disabled, testId } =
    props;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const titleId = `${label.toLowerCase().replace(/\W+/g, '-')}-title`;

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      setConfirming(false);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        variant="outlined"
        color="secondary"
        disabled={disabled}
        data-testid={testId}
        onClick={() => setConfirming(true)}
      >
        {label}
      </Button>
      <Dialog
        open={confirming}
        onClose={() => !busy && setConfirming(false)}
        aria-labelledby={titleId}
      >
        <DialogTitle id={titleId}>{question}</DialogTitle>
        <DialogContent>
          <DialogContentText>{explanation}</DialogContentText>
          {error && <Alert severity="error">{error}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)} disabled={busy}>
            {keepLabel}
          </Button>
          <Button
            color="secondary"
            variant="contained"
            onClick={run}
            disabled={busy}
          >
            {label}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
