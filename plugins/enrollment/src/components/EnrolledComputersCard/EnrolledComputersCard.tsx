import {
  EmptyState,
  InfoCard,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Typography from '@material-ui/core/Typography';
import { Computer } from '@macenroll/plugin-enrollment-common';
import { useEffect, useMemo, useRef } from 'react';
import { enrollmentApiRef } from '../../api';
import { useRefreshingAsync } from '../../hooks/useRefreshingAsync';
import { enrollmentTranslationRef } from '../../translation';
import { ComputerLink } from '../shared/ComputerLink';
import { formatDateTime } from '../../utils/format';
import { EnrollmentT } from '../../utils/translate';
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

const enrolledComputerColumns = (t: EnrollmentT): TableColumn<Computer>[] => [
  {
    title: t('computers.columns.name'),
    field: 'name',
    render: row => <ComputerLink computer={row} />,
  },
  {
    title: t('computers.columns.serialNumber'),
    field: 'serialNumber',
    render: row => row.serialNumber || '—',
  },
  {
    title: t('computers.columns.model'),
    field: 'model',
    render: row => row.model || '—',
  },
  {
    title: t('computers.columns.osVersion'),
    field: 'osVersion',
    render: row => row.osVersion || '—',
  },
  {
    title: t('computers.columns.user'),
    field: 'user.realName',
    render: row => <UserCell computer={row} />,
  },
  {
    title: t('computers.columns.site'),
    field: 'site.name',
    render: row => row.site?.name ?? '—',
  },
  {
    title: t('computers.columns.enrolledAt'),
    field: 'enrolledAt',
    render: row => (row.enrolledAt ? formatDateTime(row.enrolledAt) : '—'),
  },
];

/** The computers that enrolled with one invitation. */
export const EnrolledComputersCard = (props: {
  invitationId: string;
  /** Called when a Mac that was enrolling has finished (or new ones came). */
  onChanged?: () => void;
}) => {
  const { invitationId, onChanged } = props;
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const columns = useMemo(() => enrolledComputerColumns(t), [t]);
  // While a Mac is between Authenticate and TokenUpdate, look again.
  const { value, loading, error } = useRefreshingAsync(
    () => api.listInvitationComputers(invitationId),
    [api, invitationId],
    loaded => loaded.items.some(c => c.status === 'enrolling'),
  );
  const seen = useRef<string>();
  useEffect(() => {
    if (!value) return;
    const now = value.items.map(c => `${c.id}:${c.status}`).join();
    if (seen.current !== undefined && seen.current !== now) onChanged?.();
    seen.current = now;
  }, [value, onChanged]);

  return (
    <InfoCard title={t('invitation.computers.title')}>
      <LoadedItems
        loading={loading}
        error={error}
        items={value?.items}
        empty={
          <EmptyState
            missing="data"
            title={t('invitation.computers.emptyTitle')}
            description={t('invitation.computers.emptyDescription')}
          />
        }
      >
        {items => (
          <Table<Computer>
            columns={columns}
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
