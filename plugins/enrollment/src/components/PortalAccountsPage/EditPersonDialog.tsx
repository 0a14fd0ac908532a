import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { PortalAccount } from '@macenroll/plugin-enrollment-common';
import { useState } from 'react';
import { enrollmentApiRef } from '../../api';
import { enrollmentTranslationRef } from '../../translation';
import { AccountFormDialog } from './AccountFormDialog';
import { emailProblem } from './accountRules';
import { PersonFields } from './PersonFields';

/**
 * Changes the person a local account stands for. `onClose` gets the updated
 * account, or nothing when the admin cancelled or changed nothing.
 */
export const EditPersonDialog = (props: {
  account: PortalAccount;
  onClose: (updated?: PortalAccount) => void;
}) => {
  const { account, onClose } = props;
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const [realName, setRealName] = useState(account.realName ?? '');
  const [email, setEmail] = useState(account.email ?? '');
  const changed =
    realName.trim() !== (account.realName ?? '') ||
    email.trim() !== (account.email ?? '');
  const { username } = account;
  return (
    <AccountFormDialog
      id="edit-person"
      title={t('accounts.personDialog.title', { username })}
      intro={t('accounts.personDialog.intro')}
      valid={changed && !emailProblem(email)}
      submitLabel={t('accounts.personDialog.submit')}
      busyLabel={t('common.saving')}
      failure={error => t('accounts.personDialog.failed', { error })}
      // '' clears a field on the backend.
      submit={() =>
        api.updatePortalAccount(username, {
          realName: realName.trim(),
          email: email.trim(),
        })
      }
      onClose={onClose}
    >
      {saving => (
        <PersonFields
          idPrefix="edit-person"
          realName={realName}
          email={email}
          disabled={saving}
          onRealNameChange={setRealName}
          onEmailChange={setEmail}
        />
      )}
    </AccountFormDialog>
  );
};
