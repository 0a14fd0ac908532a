import {
  StatusOK,
  StatusWarning,
  TableColumn,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { PortalAccount } from '@macenroll/plugin-enrollment-common';
import { formatDateTime } from '../../utils/format';

export interface AccountActions {
  /** The account being changed, whose buttons wait. */
  busyUsername?: string;
  onToggleDisabled: (account: PortalAccount) => void;
  onResetPassword: (account: PortalAccount) => void;
}

const SOURCE_LABELS: Record<PortalAccount['source'], string> = {
  config: 'Config',
  admin: 'Added here',
};

const Actions = (props: { account: PortalAccount } & AccountActions) => {
  const { account, busyUsername, onToggleDisabled, onResetPassword } = props;
  if (account.source === 'config') {
    return (
      <Typography variant="body2" color="textSecondary">
        Managed in app-config
      </Typography>
    );
  }
  const busy = busyUsername === account.username;
  const toggle = account.disabled ? 'Enable' : 'Disable';
  return (
    <Box display="flex" style={{ gap: 8 }}>
      <Button
        size="small"
        variant="outlined"
        aria-label={`${toggle} ${account.username}`}
        disabled={busy}
        onClick={() => onToggleDisabled(account)}
      >
        {toggle}
      </Button>
      <Button
        size="small"
        variant="outlined"
        aria-label={`Reset password of ${account.username}`}
        disabled={busy}
        onClick={() => onResetPassword(account)}
      >
        Reset password
      </Button>
    </Box>
  );
};

export function accountColumns(
  actions: AccountActions,
): TableColumn<PortalAccount>[] {
  return [
    { title: 'Username', field: 'username', highlight: true },
    {
      title: 'Source',
      field: 'source',
      render: row => SOURCE_LABELS[row.source],
    },
    {
      title: 'Status',
      field: 'disabled',
      render: row =>
        row.disabled ? (
          <StatusWarning>Disabled</StatusWarning>
        ) : (
          <StatusOK>Active</StatusOK>
        ),
    },
    {
      title: 'Created',
      field: 'createdAt',
      render: row => formatDateTime(row.createdAt),
    },
    {
      title: 'Updated',
      field: 'updatedAt',
      render: row => formatDateTime(row.updatedAt),
    },
    {
      title: 'Actions',
      sorting: false,
      render: row => <Actions account={row} {...actions} />,
    },
  ];
}
