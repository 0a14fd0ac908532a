import { useApi } from '@backstage/core-plugin-api';
import { PortalAccount } from '@macenroll/plugin-enrollment-common';
import { useState } from 'react';
import { enrollmentApiRef } from '../../api';
import { AccountFormDialog } from './AccountFormDialog';
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
  return (
    <AccountFormDialog
      id="reset-password"
      title={`Reset the password of ${username}`}
      intro="The old password stops working at once. Give the new one to the people who use this account."
      valid={passwordIsValid(password, confirmation)}
      submitLabel="Set password"
      busyLabel="Saving…"
      failure="The password was not changed"
      submit={() => api.updatePortalAccount(username, { password })}
      onClose={onClose}
    >
      {saving => (
        <PasswordFields
          idPrefix="reset-password"
          label="New password"
          password={password}
          confirmation={confirmation}
          disabled={saving}
          onPasswordChange={setPassword}
          onConfirmationChange={setConfirmation}
        />
      )}
    </AccountFormDialog>
  );
};
