import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import TextField from '@material-ui/core/TextField';
import { PortalAccount } from '@macenroll/plugin-enrollment-common';
import { useState } from 'react';
import { enrollmentApiRef } from '../../api';
import { enrollmentTranslationRef } from '../../translation';
import { AccountFormDialog } from './AccountFormDialog';
import {
  emailProblem,
  MAX_USERNAME,
  passwordIsValid,
  usernameProblem,
} from './accountRules';
import { PasswordFields } from './PasswordFields';
import { PersonFields } from './PersonFields';

/**
 * Adds a local portal account. `onClose` gets the new account, or nothing
 * when the admin cancelled. Mount it anew for a blank form.
 */
export const AddAccountDialog = (props: {
  onClose: (created?: PortalAccount) => void;
}) => {
  const { onClose } = props;
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [realName, setRealName] = useState('');
  const [email, setEmail] = useState('');
  const usernameError = usernameProblem(username, t);
  const valid =
    username.trim() !== '' &&
    !usernameError &&
    !emailProblem(email) &&
    passwordIsValid(password, confirmation);

  return (
    <AccountFormDialog
      id="add-account"
      title={t('accounts.addDialog.title')}
      intro={t('accounts.addDialog.intro')}
      valid={valid}
      submitLabel={t('accounts.addDialog.submit')}
      busyLabel={t('accounts.addDialog.busy')}
      failure={error => t('accounts.addDialog.failed', { error })}
      submit={() =>
        realName.trim() || email.trim()
          ? api.createPortalAccount(username.trim(), password, {
              realName: realName.trim() || undefined,
              email: email.trim() || undefined,
            })
          : api.createPortalAccount(username.trim(), password)
      }
      onClose={onClose}
    >
      {saving => (
        <>
          <TextField
            id="add-account-username"
            label={t('accounts.addDialog.username')}
            autoComplete="off"
            fullWidth
            value={username}
            disabled={saving}
            onChange={e => setUsername(e.target.value)}
            error={!!usernameError}
            helperText={
              usernameError ??
              t('accounts.addDialog.usernameHelp', {
                max: String(MAX_USERNAME),
              })
            }
          />
          <PersonFields
            idPrefix="add-account"
            realName={realName}
            email={email}
            disabled={saving}
            onRealNameChange={setRealName}
            onEmailChange={setEmail}
          />
          <PasswordFields
            idPrefix="add-account"
            label={t('accounts.addDialog.password')}
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
