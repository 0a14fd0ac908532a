import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { PortalAccount } from '@macenroll/plugin-enrollment-common';
import { useState } from 'react';
import { enrollmentApiRef } from '../../api';
import { enrollmentTranslationRef } from '../../translation';
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
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  return (
    <AccountFormDialog
      id="reset-password"
      title={t('accounts.resetDialog.title', { username })}
      intro={t('accounts.resetDialog.intro')}
      valid={passwordIsValid(password, confirmation)}
      submitLabel={t('accounts.resetDialog.submit')}
      busyLabel={t('common.saving')}
      failure={error => t('accounts.resetDialog.failed', { error })}
      submit={() => api.updatePortalAccount(username, { password })}
      onClose={onClose}
    >
      {saving => (
        <PasswordFields
          idPrefix="reset-password"
          label={t('accounts.resetDialog.password')}
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
