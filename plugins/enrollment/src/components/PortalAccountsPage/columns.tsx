import {
  StatusOK,
  StatusWarning,
  TableColumn,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import { PortalAccount } from '@macenroll/plugin-enrollment-common';
import { enrollmentTranslationRef } from '../../translation';
import { formatDateTime } from '../../utils/format';
import { EnrollmentT } from '../../utils/translate';

export interface AccountActions {
  /** The account being changed, whose buttons wait. */
  busyUsername?: string;
  onToggleDisabled: (account: PortalAccount) => void;
  onResetPassword: (account: PortalAccount) => void;
  onEditPerson: (account: PortalAccount) => void;
  onToggleReenrollAnyMac: (account: PortalAccount) => void;
}

/** Jamf's re-enrollment privilege: config accounts may hold it too. */
const ReenrollAnyMac = (props: { account: PortalAccount } & AccountActions) => {
  const { account, busyUsername, onToggleReenrollAnyMac } = props;
  const { t } = useTranslationRef(enrollmentTranslationRef);
  return (
    <Switch
      color="primary"
      size="small"
      checked={account.mayReenrollAnyMac}
      disabled={busyUsername === account.username}
      inputProps={{
        'aria-label': t('accounts.reenrollAnyMacOf', {
          username: account.username,
        }),
      }}
      onChange={() => onToggleReenrollAnyMac(account)}
    />
  );
};

const Actions = (props: { account: PortalAccount } & AccountActions) => {
  const { account, busyUsername, onToggleDisabled } = props;
  const { onResetPassword, onEditPerson } = props;
  const { t } = useTranslationRef(enrollmentTranslationRef);
  if (account.source === 'config') {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('accounts.managedInConfig')}
      </Typography>
    );
  }
  const busy = busyUsername === account.username;
  const { username } = account;
  return (
    <Box display="flex" style={{ gap: 8 }}>
      <Button
        size="small"
        variant="outlined"
        aria-label={
          account.disabled
            ? t('accounts.enableAccount', { username })
            : t('accounts.disableAccount', { username })
        }
        disabled={busy}
        onClick={() => onToggleDisabled(account)}
      >
        {account.disabled ? t('accounts.enable') : t('accounts.disable')}
      </Button>
      <Button
        size="small"
        variant="outlined"
        aria-label={t('accounts.resetPasswordOf', { username })}
        disabled={busy}
        onClick={() => onResetPassword(account)}
      >
        {t('accounts.resetPassword')}
      </Button>
      <Button
        size="small"
        variant="outlined"
        aria-label={t('accounts.editPersonOf', { username })}
        disabled={busy}
        onClick={() => onEditPerson(account)}
      >
        {t('accounts.editPerson')}
      </Button>
    </Box>
  );
};

export function accountColumns(
  t: EnrollmentT,
  actions: AccountActions,
): TableColumn<PortalAccount>[] {
  return [
    {
      title: t('accounts.columns.username'),
      field: 'username',
      highlight: true,
    },
    {
      title: t('accounts.columns.realName'),
      field: 'realName',
    },
    {
      title: t('accounts.columns.email'),
      field: 'email',
    },
    {
      title: t('accounts.columns.source'),
      field: 'source',
      render: row => t(`accounts.source.${row.source}`),
    },
    {
      title: t('accounts.columns.status'),
      field: 'disabled',
      render: row =>
        row.disabled ? (
          <StatusWarning>{t('accounts.status.disabled')}</StatusWarning>
        ) : (
          <StatusOK>{t('accounts.status.active')}</StatusOK>
        ),
    },
    {
      title: t('accounts.columns.reenrollAnyMac'),
      field: 'mayReenrollAnyMac',
      render: row => <ReenrollAnyMac account={row} {...actions} />,
    },
    {
      title: t('accounts.columns.created'),
      field: 'createdAt',
      render: row => formatDateTime(row.createdAt),
    },
    {
      title: t('accounts.columns.updated'),
      field: 'updatedAt',
      render: row => formatDateTime(row.updatedAt),
    },
    {
      title: t('accounts.columns.actions'),
      sorting: false,
      render: row => <Actions account={row} {...actions} />,
    },
  ];
}
