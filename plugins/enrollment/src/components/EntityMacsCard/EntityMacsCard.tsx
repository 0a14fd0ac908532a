import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Typography from '@material-ui/core/Typography';
import { Computer } from '@macenroll/plugin-enrollment-common';
import { useMemo } from 'react';
import { enrollmentTranslationRef } from '../../translation';
import { formatDateTime } from '../../utils/format';
import { EnrollmentT } from '../../utils/translate';
import { ComputerStatusLabel } from '../ComputersPage/ComputerStatusLabel';
import { computerName } from '../shared/ComputerLink';
import { formatRelative } from './relativeTime';
import { isNotAllowed, useEntityComputers } from './useEntityComputers';

/** When the Mac last talked to the server: how long ago, the date on hover. */
export const LastCheckIn = ({ iso }: { iso?: string }) => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  if (!iso) return <>{t('entityCards.mac.never')}</>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso)}
    </time>
  );
};

const columns = (t: EnrollmentT): TableColumn<Computer>[] => [
  {
    title: t('computers.columns.name'),
    render: row => computerName(row, t),
  },
  {
    title: t('computers.columns.model'),
    render: row => row.model || '—',
  },
  {
    title: t('computers.columns.osVersion'),
    render: row => (row.osVersion ? `macOS ${row.osVersion}` : '—'),
  },
  {
    title: t('computer.inventory.lastCheckIn'),
    render: row => <LastCheckIn iso={row.lastSeenAt} />,
  },
  {
    title: t('computers.columns.status'),
    render: row => <ComputerStatusLabel status={row.status} />,
  },
];

const Body = () => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const tableColumns = useMemo(() => columns(t), [t]);
  const { value, loading, error } = useEntityComputers();
  if (loading) return <Progress />;
  if (error && isNotAllowed(error)) {
    return <Typography>{t('entityCards.macs.notAllowed')}</Typography>;
  }
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value?.items.length) {
    return <Typography>{t('entityCards.macs.empty')}</Typography>;
  }
  return (
    <Table<Computer>
      columns={tableColumns}
      data={value.items}
      options={{
        toolbar: false,
        paging: false,
        draggable: false,
        sorting: false,
        padding: 'dense',
      }}
    />
  );
};

/**
 * The Macs of the person whose catalog `User` page this is: name, model,
 * macOS, last check-in and enrollment status. People see their own; someone
 * else's need the enrollment.computer.read permission.
 *
 * @public
 */
export const EntityMacsCard = () => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  return (
    <InfoCard title={t('entityCards.macs.title')}>
      <Body />
    </InfoCard>
  );
};
