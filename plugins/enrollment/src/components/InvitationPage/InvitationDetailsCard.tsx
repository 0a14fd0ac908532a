import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { InvitationDetails } from '@macenroll/plugin-enrollment-common';
import { ReactNode } from 'react';
import {
  displayUserRef,
  formatDateTime,
  formatExpiry,
  yesNo,
} from '../../utils/format';
import { InvitationStatusChip } from '../InvitationStatusChip';

const asWritten = { titleFormat: (key: string) => key };

/** What the invitation was created with and where it stands. */
export const InvitationDetailsCard = (props: {
  invitation: InvitationDetails;
}) => {
  const { invitation } = props;
  const metadata: Record<string, ReactNode> = {
    Status: <InvitationStatusChip status={invitation.status} />,
    Recipients:
      invitation.recipientCount === 0
        ? 'None: a link-only invitation'
        : String(invitation.recipientCount),
    Expires: formatExpiry(invitation.expiresAt),
    'Require login': yesNo(invitation.requireLogin),
    'Multiple uses': yesNo(invitation.multipleUses),
    'Times used': String(invitation.timesUsed),
    Site: invitation.site?.name ?? '—',
    'Keep existing site': yesNo(invitation.keepExistingSite),
    Subject: invitation.subject || 'The default subject',
    Message: invitation.message ? (
      <span style={{ whiteSpace: 'pre-wrap' }}>{invitation.message}</span>
    ) : (
      'None'
    ),
    'Created by': displayUserRef(invitation.createdBy),
    'Created at': formatDateTime(invitation.createdAt),
  };
  if (invitation.cancelledAt) {
    metadata['Cancelled at'] = formatDateTime(invitation.cancelledAt);
  }
  return (
    <InfoCard title="Details">
      <StructuredMetadataTable metadata={metadata} options={asWritten} />
    </InfoCard>
  );
};
