import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import { PortalAccount } from '@macenroll/plugin-enrollment-common';
import { useState } from 'react';
import { enrollmentApiRef } from '../../api';
import { AccountFormDialog } from './AccountFormDialog';
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
  const usernameError = usernameProblem(username);
  const valid =
    username.trim() !== '' &&
    !usernameError &&
    passwordIsValid(password, confirmation);

  return (
    <AccountFormDialog
      id="add-account"
      title="Add portal account"
      intro="A local account logs in to the enrollment portal without a directory account, for example for IT staff who set up Macs for others."
      valid={valid}
      submitLabel="Add account"
      busyLabel="Adding…"
      failure="The account was not added"
      submit={() => api.createPortalAccount(username.trim(), password)}
      onClose={onClose}
    >
      {saving => (
        <>
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
        </>
      )}
    </AccountFormDialog>
  );
};
