import {
  EmptyState,
  InfoCard,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { Computer } from '@macenroll/plugin-enrollment-common';
import useAsync from 'react-use/esm/useAsync';
import { enrollmentApiRef } from '../../api';
import { ComputerLink } from '../shared/ComputerLink';
import { formatDateTime } from '../../utils/format';
import { LoadedItems } from '../shared/LoadedItems';

const UserCell = ({ computer }: { computer: Computer }) => {
  const { realName, username, email } = computer.user;
  const name = realName || username;
  if (!name && !email) return <>—</>;
  return (
    <>
      {name && <Typography variant="body2">{name}</Typography>}
      {email && (
        <Typography variant="body2" color="textSecondary">
          {email}
        </Typography>
      )}
    </>
  );
};

const COLUMNS: TableColumn<Computer>[] = [
  {
    title: 'Name',
    field: 'name',
    render: row => <ComputerLink computer={row} />,
  },
  {
    title: 'Serial number',
    field: 'serialNumber',
    render: row => row.serialNumber || '—',
  },
  { title: 'Model', field: 'model', render: row => row.model || '—' },
  {
    title: 'OS version',
    field: 'osVersion',
    render: row => row.osVersion || '—',
  },
  {
    title: 'User',
    field: 'user.realName',
    render: row => <UserCell computer={row} />,
  },
  { title: 'Site', field: 'site.name', render: row => row.site?.name ?? '—' },
  {
    title: 'Enrolled at',
    field: 'enrolledAt',
    render: row => (row.enrolledAt ? formatDateTime(row.enrolledAt) : '—'),
  },
];

/** The computers that enrolled with one invitation. */
export const EnrolledComputersCard = (props: { invitationId: string }) => {
  const api = useApi(enrollmentApiRef);
  const { value, loading, error } = useAsync(
    () => api.listInvitationComputers(props.invitationId),
    [api, props.invitationId],
  );

  return (
    <InfoCard title="Enrolled computers">
      <LoadedItems
        loading={loading}
        error={error}
        items={value?.items}
        empty={
          <EmptyState
            missing="data"
            title="No computer enrolled with this invitation yet"
            description="Computers appear here once someone enrolls a Mac with this invitation's link."
          />
        }
      >
        {items => (
          <Table<Computer>
            columns={COLUMNS}
            data={items}
            options={{
              toolbar: false,
              paging: items.length > 25,
              pageSize: 25,
              pageSizeOptions: [25, 50, 100],
              emptyRowsWhenPaging: false,
              draggable: false,
            }}
          />
        )}
      </LoadedItems>
    </InfoCard>
  );
};
