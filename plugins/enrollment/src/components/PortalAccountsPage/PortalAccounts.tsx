import { Table } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import AddIcon from '@material-ui/icons/Add';
import { PortalAccount } from '@macenroll/plugin-enrollment-common';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { enrollmentApiRef } from '../../api';
import { enrollmentTranslationRef } from '../../translation';
import { errorMessage } from '../../utils/errorMessage';
import { AddAccountDialog } from './AddAccountDialog';
import { EditPersonDialog } from './EditPersonDialog';
import { accountColumns } from './columns';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { LoadError } from '../shared/LoadError';

type Outcome = { severity: 'success' | 'error'; text: string };

const TABLE_OPTIONS = {
  paging: false,
  search: false,
  toolbar: false,
  draggable: false,
};

/**
 * The local portal accounts, with adding, disabling, password resets and the
 * person each stands for.
 */
export const PortalAccounts = () => {
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const [reloadKey, setReloadKey] = useState(0);
  const { value, loading, error } = useAsync(
    () => api.listPortalAccounts(),
    [api, reloadKey],
  );
  // Accounts changed here since the list was loaded, by username.
  const [updated, setUpdated] = useState<Record<string, PortalAccount>>({});
  const [busyUsername, setBusyUsername] = useState<string>();
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<string>();
  const [editing, setEditing] = useState<PortalAccount>();
  const [outcome, setOutcome] = useState<Outcome>();

  const accounts = useMemo(
    () => (value?.items ?? []).map(a => updated[a.username] ?? a),
    [value, updated],
  );

  const replace = (account: PortalAccount) =>
    setUpdated(current => ({ ...current, [account.username]: account }));

  const columns = useMemo(
    () =>
      accountColumns(t, {
        busyUsername,
        onToggleDisabled: async account => {
          setBusyUsername(account.username);
          setOutcome(undefined);
          try {
            const changed = await api.updatePortalAccount(account.username, {
              disabled: !account.disabled,
            });
            replace(changed);
            setOutcome({
              severity: 'success',
              text: t(
                changed.disabled ? 'accounts.disabled' : 'accounts.enabled',
                { username: changed.username },
              ),
            });
          } catch (e) {
            setOutcome({ severity: 'error', text: errorMessage(e) });
          } finally {
            setBusyUsername(undefined);
          }
        },
        onToggleReenrollAnyMac: async account => {
          setBusyUsername(account.username);
          setOutcome(undefined);
          try {
            const changed = await api.updatePortalAccount(account.username, {
              mayReenrollAnyMac: !account.mayReenrollAnyMac,
            });
            replace(changed);
            setOutcome({
              severity: 'success',
              text: t(
                changed.mayReenrollAnyMac
                  ? 'accounts.reenrollGranted'
                  : 'accounts.reenrollWithdrawn',
                { username: changed.username },
              ),
            });
          } catch (e) {
            setOutcome({ severity: 'error', text: errorMessage(e) });
          } finally {
            setBusyUsername(undefined);
          }
        },
        onResetPassword: account => {
          setOutcome(undefined);
          setResetting(account.username);
        },
        onEditPerson: account => {
          setOutcome(undefined);
          setEditing(account);
        },
      }),
    [api, busyUsername, t],
  );

  const closeAdd = (created?: PortalAccount) => {
    setAdding(false);
    if (!created) return;
    setOutcome({
      severity: 'success',
      text: t('accounts.added', { username: created.username }),
    });
    setUpdated({});
    setReloadKey(key => key + 1);
  };

  const closeReset = (changed?: PortalAccount) => {
    setResetting(undefined);
    if (!changed) return;
    replace(changed);
    setOutcome({
      severity: 'success',
      text: t('accounts.passwordChanged', { username: changed.username }),
    });
  };

  const closeEdit = (changed?: PortalAccount) => {
    setEditing(undefined);
    if (!changed) return;
    replace(changed);
    setOutcome({
      severity: 'success',
      text: t(
        changed.realName || changed.email
          ? 'accounts.personChanged'
          : 'accounts.personCleared',
        { username: changed.username },
      ),
    });
  };

  return (
    <>
      <Box display="flex" justifyContent="flex-end" mb={2}>
        <Button
          variant="contained"
          color="primary"
          startIcon={<AddIcon />}
          onClick={() => {
            setOutcome(undefined);
            setAdding(true);
          }}
        >
          {t('accounts.add')}
        </Button>
      </Box>
      {outcome && (
        <Box mb={2} role={outcome.severity === 'error' ? 'alert' : 'status'}>
          <Alert severity={outcome.severity}>{outcome.text}</Alert>
        </Box>
      )}
      {error ? (
        <LoadError error={error} />
      ) : (
        <Table<PortalAccount>
          columns={columns}
          data={accounts}
          isLoading={loading}
          options={TABLE_OPTIONS}
          emptyContent={
            <Box p={3} textAlign="center">
              {t('accounts.empty')}
            </Box>
          }
        />
      )}
      {adding && <AddAccountDialog onClose={closeAdd} />}
      {resetting && (
        <ResetPasswordDialog username={resetting} onClose={closeReset} />
      )}
      {editing && <EditPersonDialog account={editing} onClose={closeEdit} />}
    </>
  );
};
