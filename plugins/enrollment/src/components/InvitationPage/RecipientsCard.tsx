import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
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
import { enrollmentTranslationRef } from '../../translation';
import { errorMessage } from '../../utils/errorMessage';
import { formatDateTime } from '../../utils/format';
import { EnrollmentT } from '../../utils/translate';
import { DeliveryState } from './DeliveryState';
import { ShowLinkButton } from './ShowLinkButton';

const nowrap = { whiteSpace: 'nowrap' } as const;

const recipientColumns = (
  t: EnrollmentT,
  invitationId: string,
  canShowLinks: boolean,
): TableColumn<InvitationRecipient>[] => [
  {
    title: t('invitation.recipients.columns.email'),
    field: 'email',
    cellStyle: nowrap,
  },
  {
    title: t('invitation.recipients.columns.state'),
    field: 'state',
    render: row => <DeliveryState state={row.state} />,
  },
  { title: t('invitation.recipients.columns.attempts'), field: 'attempts' },
  {
    title: t('invitation.recipients.columns.lastError'),
    field: 'lastError',
    render: row => row.lastError ?? '—',
  },
  {
    title: t('invitation.recipients.columns.sentAt'),
    field: 'sentAt',
    render: row => (row.sentAt ? formatDateTime(row.sentAt) : '—'),
  },
  {
    title: t('invitation.recipients.columns.nextAttempt'),
    field: 'nextAttemptAt',
    render: row =>
      row.nextAttemptAt ? formatDateTime(row.nextAttemptAt) : '—',
  },
  {
    title: t('invitation.recipients.columns.enrolled'),
    field: 'usedAt',
    render: row => (row.usedAt ? formatDateTime(row.usedAt) : '—'),
  },
  ...(canShowLinks
    ? [
        {
          title: t('invitation.recipients.columns.link'),
          sorting: false,
          render: (row: InvitationRecipient) => (
            <ShowLinkButton
              invitationId={invitationId}
              recipient={row.email}
              variant="text"
            />
          ),
        },
      ]
    : []),
];

type Outcome = { severity: 'success' | 'error'; text: string };

/**
 * Every recipient's mail delivery; admins who may update the invitation can
 * resend to chosen recipients or to the failed ones.
 */
export const RecipientsCard = (props: {
  invitation: InvitationDetails;
  canResend: boolean;
  /** Whether each recipient's own link can be shown (create permission). */
  canShowLinks: boolean;
  onUpdated: (invitation: InvitationDetails) => void;
}) => {
  const { invitation, canResend, canShowLinks, onUpdated } = props;
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const columns = useMemo(
    () => recipientColumns(t, invitation.id, canShowLinks),
    [t, invitation.id, canShowLinks],
  );
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
      selectionProps: (row: InvitationRecipient) => ({
        inputProps: {
          'aria-label': t('invitation.recipients.select', { email: row.email }),
        },
      }),
      headerSelectionProps: {
        inputProps: { 'aria-label': t('invitation.recipients.selectAll') },
      },
      showTextRowsSelected: false,
      draggable: false,
    }),
    [rows.length, canResend, t],
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
        text: t('invitation.recipients.resent', { count }),
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
      <InfoCard title={t('invitation.recipients.title')}>
        <Typography>{t('invitation.recipients.linkOnly')}</Typography>
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
        {selected.length
          ? t('invitation.recipients.resendSelectedCount', {
              selected: String(selected.length),
            })
          : t('invitation.recipients.resendSelected')}
      </Button>
      <Button
        variant="outlined"
        color="primary"
        disabled={busy || failedCount === 0}
        onClick={() => resend()}
      >
        {failedCount
          ? t('invitation.recipients.resendFailedCount', {
              failed: String(failedCount),
            })
          : t('invitation.recipients.resendFailed')}
      </Button>
    </Box>
  );

  return (
    <InfoCard title={t('invitation.recipients.title')}>
      {actions}
      {outcome && (
        <Box mb={2}>
          <Alert severity={outcome.severity}>{outcome.text}</Alert>
        </Box>
      )}
      <Table<InvitationRecipient>
        columns={columns}
        data={rows}
        onSelectionChange={chosen => setSelected(chosen.map(r => r.email))}
        options={options}
      />
    </InfoCard>
  );
};
