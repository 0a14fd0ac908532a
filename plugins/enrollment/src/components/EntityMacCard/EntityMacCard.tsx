import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Typography from '@material-ui/core/Typography';
import { Computer } from '@macenroll/plugin-enrollment-common';
import { computerRouteRef } from '../../routes';
import { enrollmentTranslationRef } from '../../translation';
import { formatDateTime } from '../../utils/format';
import { ComputerStatusLabel } from '../ComputersPage/ComputerStatusLabel';
import { ComputerUserCell } from '../ComputersPage/ComputerUserCell';
import { LastCheckIn } from '../EntityMacsCard/EntityMacsCard';
import {
  isNotAllowed,
  useEntityComputers,
} from '../EntityMacsCard/useEntityComputers';

const asWritten = { titleFormat: (key: string) => key };
const orDash = (text?: string) => text || '—';

const Details = ({ computer }: { computer: Computer }) => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const computerRoute = useRouteRef(computerRouteRef);
  const metadata = {
    [t('computer.inventory.serialNumber')]: orDash(computer.serialNumber),
    [t('computer.inventory.udid')]: computer.udid,
    [t('computer.inventory.model')]: orDash(computer.model),
    [t('computer.inventory.macOS')]: orDash(computer.osVersion),
    [t('computer.inventory.enrollmentStatus')]: (
      <ComputerStatusLabel status={computer.status} />
    ),
    [t('computer.inventory.user')]: <ComputerUserCell user={computer.user} />,
    [t('computer.inventory.site')]: computer.site?.name ?? '—',
    [t('computer.inventory.lastCheckIn')]: (
      <LastCheckIn iso={computer.lastSeenAt} />
    ),
    [t('computer.inventory.enrolledAt')]: computer.enrolledAt
      ? formatDateTime(computer.enrolledAt)
      : '—',
  };
  return (
    <>
      <StructuredMetadataTable metadata={metadata} options={asWritten} />
      <Typography variant="body2" style={{ marginTop: 16 }}>
        <Link to={computerRoute({ id: computer.id })}>
          {t('entityCards.mac.openInEnrollment')}
        </Link>
      </Typography>
    </>
  );
};

const Body = () => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const { value, loading, error } = useEntityComputers();
  if (loading) return <Progress />;
  if (error && isNotAllowed(error)) {
    return <Typography>{t('entityCards.mac.notAllowed')}</Typography>;
  }
  if (error) return <ResponseErrorPanel error={error} />;
  const computer = value?.items[0];
  if (!computer)
    return <Typography>{t('entityCards.mac.notFound')}</Typography>;
  return <Details computer={computer} />;
};

/**
 * The enrollment record of the Mac whose catalog `Resource` page this is
 * (`spec.type: mac`): serial number, UDID, model, macOS, status, user, site,
 * last check-in and enrollment date, with a link to its admin page.
 *
 * @public
 */
export const EntityMacCard = () => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  return (
    <InfoCard title={t('entityCards.mac.title')}>
      <Body />
    </InfoCard>
  );
};
