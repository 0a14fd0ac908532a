import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Typography from '@material-ui/core/Typography';
import { ComputerDetails } from '@macenroll/plugin-enrollment-common';
import { ReactNode } from 'react';
import { enrollmentTranslationRef } from '../../translation';
import { ComputerStatusLabel } from '../ComputersPage/ComputerStatusLabel';
import { ComputerUserCell } from '../ComputersPage/ComputerUserCell';
import { formatLocation } from '../ComputersPage/columns';
import { formatDateTime, yesNo } from '../../utils/format';
import { InvitationLink } from '../shared/InvitationLink';
import { PushStatusLabel } from './PushStatusLabel';

const asWritten = { titleFormat: (key: string) => key };

const orDash = (text?: string) => text || '—';
const dateTimeOrDash = (iso?: string) => (iso ? formatDateTime(iso) : '—');

/** The marketing name with the model identifier, once when they are the same. */
function modelOf(computer: ComputerDetails): string {
  const { model, productName } = computer;
  if (!model || !productName || model === productName) {
    return model || productName || '';
  }
  return `${model} (${productName})`;
}

const Secondary = ({ children }: { children: ReactNode }) => (
  <Typography variant="body2" color="textSecondary">
    {children}
  </Typography>
);

/** The enrollment status, with when it ended for an unenrolled Mac. */
const Enrollment = ({ computer }: { computer: ComputerDetails }) => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  return (
    <>
      <ComputerStatusLabel status={computer.status} />
      {computer.unenrolledAt && (
        <Secondary>
          {t('computer.inventory.since', {
            date: formatDateTime(computer.unenrolledAt),
          })}
        </Secondary>
      )}
    </>
  );
};

const Push = ({ push }: { push: ComputerDetails['push'] }) => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  return (
    <>
      <PushStatusLabel status={push.status} />
      <Secondary>
        {t('computer.inventory.lastPush', {
          date: push.lastPushedAt
            ? formatDateTime(push.lastPushedAt)
            : t('computer.inventory.never'),
        })}
      </Secondary>
      {push.lastError && (
        <Secondary>
          {t('computer.inventory.lastError', { error: push.lastError })}
        </Secondary>
      )}
    </>
  );
};

/** What the Mac reported about itself, who it belongs to and how to reach it. */
export const InventoryCard = (props: { computer: ComputerDetails }) => {
  const { computer } = props;
  const { user } = computer;
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const metadata: Record<string, ReactNode> = {
    [t('computer.inventory.name')]: orDash(computer.name),
    [t('computer.inventory.serialNumber')]: orDash(computer.serialNumber),
    [t('computer.inventory.model')]: orDash(modelOf(computer)),
    [t('computer.inventory.macOS')]: orDash(
      [
        computer.osVersion,
        computer.buildVersion && `(${computer.buildVersion})`,
      ]
        .filter(Boolean)
        .join(' '),
    ),
    [t('computer.inventory.user')]: <ComputerUserCell user={user} />,
    [t('computer.inventory.location')]: formatLocation(user),
  };
  if (user.position) metadata[t('computer.inventory.position')] = user.position;
  if (user.phone) metadata[t('computer.inventory.phone')] = user.phone;
  Object.assign(metadata, {
    [t('computer.inventory.site')]: computer.site?.name ?? '—',
    [t('computer.inventory.lastCheckIn')]: dateTimeOrDash(computer.lastSeenAt),
    [t('computer.inventory.enrolledAt')]: dateTimeOrDash(computer.enrolledAt),
    [t('computer.inventory.enrollmentStatus')]: (
      <Enrollment computer={computer} />
    ),
    [t('computer.inventory.userApproved')]:
      computer.userApproved === undefined
        ? '—'
        : yesNo(computer.userApproved, t),
    [t('computer.inventory.push')]: <Push push={computer.push} />,
    [t('computer.inventory.identity')]: computer.identity
      ? t('computer.inventory.identityValue', {
          serial: computer.identity.serialNumber,
          expires: formatDateTime(computer.identity.notAfter),
        })
      : '—',
    [t('computer.inventory.udid')]: computer.udid,
    [t('computer.inventory.invitation')]: computer.invitationId ? (
      <InvitationLink invitationId={computer.invitationId} />
    ) : (
      '—'
    ),
  });
  return (
    <InfoCard title={t('computer.inventory.title')}>
      <StructuredMetadataTable metadata={metadata} options={asWritten} />
    </InfoCard>
  );
};
