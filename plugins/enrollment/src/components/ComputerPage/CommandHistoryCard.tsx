import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { MdmCommand } from '@macenroll/plugin-enrollment-common';
import { useMemo } from 'react';
import { errorMessage } from '../../utils/errorMessage';
import { formatDateTime } from '../../utils/format';
import { CommandStatusChip } from './CommandStatusChip';
import { CommandHistory } from './useCommandHistory';

const dateTimeOrDash = (iso?: string) => (iso ? formatDateTime(iso) : '—');

// The backend lists newest first, so no column sorts.
const COLUMNS: TableColumn<MdmCommand>[] = [
  { title: 'Type', render: row => row.requestType },
  { title: 'Status', render: row => <CommandStatusChip status={row.status} /> },
  { title: 'Queued', render: row => formatDateTime(row.queuedAt) },
  { title: 'Sent', render: row => dateTimeOrDash(row.sentAt) },
  { title: 'Answered', render: row => dateTimeOrDash(row.answeredAt) },
  {
    title: 'Error',
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
    body = <ResponseErrorPanel error={error} />;
  } else if (!commands) {
    body = <Progress />;
  } else if (commands.length === 0) {
    body = (
      <Typography color="textSecondary">
        No commands were sent to this Mac yet.
      </Typography>
    );
  } else {
    body = (
      <>
        {error && (
          <Box mb={2}>
            <Alert severity="warning">
              The history could not be refreshed: {errorMessage(error)}
            </Alert>
          </Box>
        )}
        <div data-testid="computer-command-history">
          <Table<MdmCommand>
            columns={COLUMNS}
            data={commands}
            options={options}
          />
        </div>
      </>
    );
  }

  return (
    <InfoCard
      title="Command history"
      subheader={
        waiting
          ? 'Refreshing every few seconds until the Mac answers.'
          : undefined
      }
    >
      {body}
    </InfoCard>
  );
};
