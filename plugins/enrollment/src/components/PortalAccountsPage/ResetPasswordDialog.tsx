import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { PortalAccount } from '@macenroll/plugin-enrollment-common';
import { FormEvent, useState } from 'react';
import { enrollmentApiRef } from '../../api';
import { errorMessage } from '../errorMessage';
import { passwordIsValid } from './accountRules';
import { PasswordFields } from './PasswordFields';

/**
 * Sets a new password on a local portal account. `onClose` gets the updated
 * account, or nothing when the admin cancelled.
 */
export const ResetPasswordDialog = (props: {
  username: string;
  onClose: (updated?: PortalAccount) => void;
}) => {
  const { username, onClose } = props;
  const api = useApi(enrollmentApiRef);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const valid = passwordIsValid(password, confirmation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    setSaving(true);
    setError(undefined);
    try {
      onClose(await api.updatePortalAccount(username, { password }));
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
      aria-labelledby="reset-password-title"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="reset-password-title">
          Reset the password of {username}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            The old password stops working at once. Give the new one to the
            people who use this account.
          </DialogContentText>
          <PasswordFields
            idPrefix="reset-password"
            label="New password"
            password={password}
            confirmation={confirmation}
            disabled={saving}
            onPasswordChange={setPassword}
            onConfirmationChange={setConfirmation}
          />
          {error && (
            <Box mt={2}>
              <Alert severity="error">
                The password was not changed: {error}
              </Alert>
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
            {saving ? 'Saving…' : 'Set password'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
