import {
  InfoCard,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { MdmCommand } from '@macenroll/plugin-enrollment-common';
import { useMemo } from 'react';
import { enrollmentTranslationRef } from '../../translation';
import { errorMessage } from '../../utils/errorMessage';
import { formatDateTime } from '../../utils/format';
import { EnrollmentT } from '../../utils/translate';
import { CommandStatusChip } from './CommandStatusChip';
import { CommandHistory } from './useCommandHistory';
import { LoadError } from '../shared/LoadError';

const dateTimeOrDash = (iso?: string) => (iso ? formatDateTime(iso) : '—');

// The backend lists newest first, so no column sorts.
const commandColumns = (t: EnrollmentT): TableColumn<MdmCommand>[] => [
  { title: t('computer.history.columns.type'), render: row => row.requestType },
  {
    title: t('computer.history.columns.status'),
    render: row => <CommandStatusChip status={row.status} />,
  },
  {
    title: t('computer.history.columns.queued'),
    render: row => formatDateTime(row.queuedAt),
  },
  {
    title: t('computer.history.columns.sent'),
    render: row => dateTimeOrDash(row.sentAt),
  },
  {
    title: t('computer.history.columns.answered'),
    render: row => dateTimeOrDash(row.answeredAt),
  },
  {
    title: t('computer.history.columns.error'),
    render: row =>
      row.error ? (
        <span style={{ whiteSpace: 'pre-wrap' }}>{row.error}</span>
      ) : (
        '—'
      ),
  },
];

const PAGE_SIZE = 20;

/** The commands sent to one Mac and how it answered them. */
export const CommandHistoryCard = (props: { history: CommandHistory }) => {
  const { commands, error, waiting } = props.history;
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const columns = useMemo(() => commandColumns(t), [t]);
  const rowCount = commands?.length ?? 0;
  const options = useMemo(
    () => ({
      toolbar: false,
      search: false,
      sorting: false,
      draggable: false,
      paging: rowCount > PAGE_SIZE,
      pageSize: PAGE_SIZE,
      pageSizeOptions: [PAGE_SIZE, 50, 100],
      emptyRowsWhenPaging: false,
    }),
    [rowCount],
  );

  let body;
  if (!commands && error) {
    body = <LoadError error={error} />;
  } else if (!commands) {
    body = <Progress />;
  } else if (commands.length === 0) {
    body = (
      <Typography color="textSecondary">
        {t('computer.history.empty')}
      </Typography>
    );
  } else {
    body = (
      <>
        {error && (
          <Box mb={2}>
            <Alert severity="warning">
              {t('computer.history.notRefreshed', {
                error: errorMessage(error),
              })}
            </Alert>
          </Box>
        )}
        <div data-testid="computer-command-history">
          <Table<MdmCommand>
            columns={columns}
            data={commands}
            options={options}
          />
        </div>
      </>
    );
  }

  return (
    <InfoCard
      title={t('computer.history.title')}
      subheader={waiting ? t('computer.history.waiting') : undefined}
    >
      {body}
    </InfoCard>
  );
};
