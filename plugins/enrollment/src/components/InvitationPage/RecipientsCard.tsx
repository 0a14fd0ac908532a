import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  InvitationDetails,
  InvitationRecipient,
} from '@macenroll/plugin-enrollment-common';
import { useMemo, useState } from 'react';
import { enrollmentApiRef } from '../../api';
import { errorMessage } from '../../utils/errorMessage';
import { formatDateTime } from '../../utils/format';
import { DeliveryState } from './DeliveryState';

const COLUMNS: TableColumn<InvitationRecipient>[] = [
  { title: 'Email', field: 'email' },
  {
    title: 'State',
    field: 'state',
    render: row => <DeliveryState state={row.state} />,
  },
  { title: 'Attempts', field: 'attempts' },
  {
    title: 'Last error',
    field: 'lastError',
    render: row => row.lastError ?? '—',
  },
  {
    title: 'Sent at',
    field: 'sentAt',
    render: row => (row.sentAt ? formatDateTime(row.sentAt) : '—'),
  },
  {
    title: 'Next attempt',
    field: 'nextAttemptAt',
    render: row =>
      row.nextAttemptAt ? formatDateTime(row.nextAttemptAt) : '—',
  },
];

const selectionLabel = (row: InvitationRecipient) => ({
  inputProps: { 'aria-label': `Select ${row.email}` },
});

type Outcome = { severity: 'success' | 'error'; text: string };

/**
 * Every recipient's mail delivery; admins who may update the invitation can
 * resend to chosen recipients or to the failed ones.
 */
export const RecipientsCard = (props: {
  invitation: InvitationDetails;
  canResend: boolean;
  onUpdated: (invitation: InvitationDetails) => void;
}) => {
  const { invitation, canResend, onUpdated } = props;
  const api = useApi(enrollmentApiRef);
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  // The table keeps a row's selection across renders by its `id`.
  const rows = useMemo(
    () => invitation.recipientDetails.map(r => ({ ...r, id: r.email })),
    [invitation.recipientDetails],
  );
  const options = useMemo(
    () => ({
      toolbar: false,
      paging: rows.length > 10,
      pageSize: 10,
      pageSizeOptions: [10, 25, 50, 100],
      emptyRowsWhenPaging: false,
      selection: canResend,
      selectionProps: selectionLabel,
      headerSelectionProps: {
        inputProps: { 'aria-label': 'Select all recipients' },
      },
      showTextRowsSelected: false,
      draggable: false,
    }),
    [rows.length, canResend],
  );
  const failedCount = invitation.recipientDetails.filter(
    r => r.state === 'failed',
  ).length;

  const resend = async (recipients?: string[]) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const updated = await api.resendInvitation(invitation.id, recipients);
      const count = recipients?.length ?? failedCount;
      setSelected([]);
      setOutcome({
        severity: 'success',
        text: `The invitation will be sent again to ${count} recipient${
          count === 1 ? '' : 's'
        }.`,
      });
      onUpdated(updated);
    } catch (e) {
      setOutcome({ severity: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  if (invitation.recipientDetails.length === 0) {
    return (
      <InfoCard title="Recipients">
        <Typography>
          This is a link-only invitation: it was not sent by email. Its link was
          shown once, when it was created.
        </Typography>
      </InfoCard>
    );
  }

  const actions = canResend && (
    <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mb={2}>
      <Button
        variant="outlined"
        color="primary"
        disabled={busy || selected.length === 0}
        onClick={() => resend(selected)}
      >
        Resend to selected{selected.length ? ` (${selected.length})` : ''}
      </Button>
      <Button
        variant="outlined"
        color="primary"
        disabled={busy || failedCount === 0}
        onClick={() => resend()}
      >
        Resend to failed{failedCount ? ` (${failedCount})` : ''}
      </Button>
    </Box>
  );

  return (
    <InfoCard title="Recipients">
      {actions}
      {outcome && (
        <Box mb={2}>
          <Alert severity={outcome.severity}>{outcome.text}</Alert>
        </Box>
      )}
      <Table<InvitationRecipient>
        columns={COLUMNS}
        data={rows}
        onSelectionChange={chosen => setSelected(chosen.map(r => r.email))}
        options={options}
      />
    </InfoCard>
  );
};
