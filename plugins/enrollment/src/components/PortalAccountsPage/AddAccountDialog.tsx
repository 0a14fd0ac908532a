import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { PortalAccount } from '@macenroll/plugin-enrollment-common';
import { FormEvent, useState } from 'react';
import { enrollmentApiRef } from '../../api';
import { errorMessage } from '../errorMessage';
import { passwordIsValid, usernameProblem } from './accountRules';
import { PasswordFields } from './PasswordFields';

/**
 * Adds a local portal account. `onClose` gets the new account, or nothing
 * when the admin cancelled. Mount it anew for a blank form.
 */
export const AddAccountDialog = (props: {
  onClose: (created?: PortalAccount) => void;
}) => {
  const { onClose } = props;
  const api = useApi(enrollmentApiRef);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const usernameError = usernameProblem(username);
  const valid =
    username.trim() !== '' &&
    !usernameError &&
    passwordIsValid(password, confirmation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    setSaving(true);
    setError(undefined);
    try {
      onClose(await api.createPortalAccount(username.trim(), password));
    } catch (e) {
      setError(errorMessage(e));
      setSaving(false);
    }
  };

  return (
    <Dialog
      open
      // A stray click beside the dialog must not lose what was typed.
      onClose={(_event, reason) => {
        if (reason !== 'backdropClick' && !saving) onClose();
      }}
      fullWidth
      maxWidth="sm"
      aria-labelledby="add-account-title"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="add-account-title">Add portal account</DialogTitle>
        <DialogContent>
          <DialogContentText>
            A local account logs in to the enrollment portal without a directory
            account, for example for IT staff who set up Macs for others.
          </DialogContentText>
          <TextField
            id="add-account-username"
            label="Username"
            autoComplete="off"
            fullWidth
            value={username}
            disabled={saving}
            onChange={e => setUsername(e.target.value)}
            error={!!usernameError}
            helperText={
              usernameError ??
              'Letters, digits and . _ @ - ; at most 64 characters.'
            }
          />
          <PasswordFields
            idPrefix="add-account"
            label="Password"
            password={password}
            confirmation={confirmation}
            disabled={saving}
            onPasswordChange={setPassword}
            onConfirmationChange={setConfirmation}
          />
          {error && (
            <Box mt={2}>
              <Alert severity="error">The account was not added: {error}</Alert>
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose()} disabled={saving}>
            Cancel
          </Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={!valid || saving}
          >
            {saving ? 'Adding…' : 'Add account'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
