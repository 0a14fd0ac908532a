import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { ComputerDetails } from '@macenroll/plugin-enrollment-common';
import { ReactNode } from 'react';
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
const Enrollment = ({ computer }: { computer: ComputerDetails }) => (
  <>
    <ComputerStatusLabel status={computer.status} />
    {computer.unenrolledAt && (
      <Secondary>Since {formatDateTime(computer.unenrolledAt)}</Secondary>
    )}
  </>
);

const Push = ({ push }: { push: ComputerDetails['push'] }) => (
  <>
    <PushStatusLabel status={push.status} />
    <Secondary>
      Last push:{' '}
      {push.lastPushedAt ? formatDateTime(push.lastPushedAt) : 'never'}
    </Secondary>
    {push.lastError && <Secondary>Last error: {push.lastError}</Secondary>}
  </>
);

/** What the Mac reported about itself, who it belongs to and how to reach it. */
export const InventoryCard = (props: { computer: ComputerDetails }) => {
  const { computer } = props;
  const { user } = computer;
  const metadata: Record<string, ReactNode> = {
    Name: orDash(computer.name),
    'Serial number': orDash(computer.serialNumber),
    Model: orDash(modelOf(computer)),
    macOS: orDash(
      [
        computer.osVersion,
        computer.buildVersion && `(${computer.buildVersion})`,
      ]
        .filter(Boolean)
        .join(' '),
    ),
    User: <ComputerUserCell user={user} />,
    Location: formatLocation(user),
  };
  if (user.position) metadata.Position = user.position;
  if (user.phone) metadata.Phone = user.phone;
  Object.assign(metadata, {
    Site: computer.site?.name ?? '—',
    'Last check-in': dateTimeOrDash(computer.lastSeenAt),
    'Enrolled at': dateTimeOrDash(computer.enrolledAt),
    'Enrollment status': <Enrollment computer={computer} />,
    'User approved':
      computer.userApproved === undefined ? '—' : yesNo(computer.userApproved),
    Push: <Push push={computer.push} />,
    'Identity certificate': computer.identity
      ? `Serial ${computer.identity.serialNumber}, expires ${formatDateTime(
          computer.identity.notAfter,
        )}`
      : '—',
    UDID: computer.udid,
    Invitation: computer.invitationId ? (
      <InvitationLink invitationId={computer.invitationId} />
    ) : (
      '—'
    ),
  });
  return (
    <InfoCard title="Inventory">
      <StructuredMetadataTable metadata={metadata} options={asWritten} />
    </InfoCard>
  );
};
