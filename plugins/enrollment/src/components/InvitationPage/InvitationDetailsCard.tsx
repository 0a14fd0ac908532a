import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { InvitationDetails } from '@macenroll/plugin-enrollment-common';
import { ReactNode } from 'react';
import { enrollmentTranslationRef } from '../../translation';
import {
  displayUserRef,
  formatDateTime,
  formatExpiry,
  yesNo,
} from '../../utils/format';
import { InvitationStatusChip } from '../InvitationStatusChip';
import { rulesSummary } from '../shared/DeviceRulesFields';

const asWritten = { titleFormat: (key: string) => key };

/** What the invitation was created with and where it stands. */
export const InvitationDetailsCard = (props: {
  invitation: InvitationDetails;
}) => {
  const { invitation } = props;
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const metadata: Record<string, ReactNode> = {
    [t('invitationFields.number')]: String(invitation.number),
    [t('invitationFields.status')]: (
      <InvitationStatusChip status={invitation.status} />
    ),
    [t('invitationFields.recipients')]:
      invitation.recipientCount === 0
        ? t('invitation.linkOnlyRecipients')
        : String(invitation.recipientCount),
    [t('invitationFields.expires')]: formatExpiry(invitation.expiresAt),
    [t('invitationFields.requireLogin')]: yesNo(invitation.requireLogin, t),
    [t('invitationFields.multipleUses')]: yesNo(invitation.multipleUses, t),
    [t('invitationFields.timesUsed')]: `${invitation.timesUsed} (${t(
      'invitationFields.timesUsedHelp',
    )})`,
    [t('invitationFields.enrolledComputers')]: String(
      invitation.enrolledComputers,
    ),
    [t('invitationFields.site')]: invitation.site?.name ?? '—',
    [t('invitationFields.keepExistingSite')]: yesNo(
      invitation.keepExistingSite,
      t,
    ),
    [t('deviceRules.serialNumbers')]: invitation.serialAllowlistCount
      ? t('deviceRules.serialCount', {
          number: String(invitation.serialAllowlistCount),
        })
      : t('deviceRules.none'),
    [t('deviceRules.summary')]:
      rulesSummary(invitation.deviceRules, t) || t('deviceRules.none'),
    [t('invitationFields.subject')]:
      invitation.subject || t('invitationFields.defaultSubject'),
    [t('invitationFields.message')]: invitation.message ? (
      <span style={{ whiteSpace: 'pre-wrap' }}>{invitation.message}</span>
    ) : (
      t('invitationFields.none')
    ),
    [t('invitationFields.createdBy')]: displayUserRef(invitation.createdBy),
    [t('invitationFields.createdAt')]: formatDateTime(invitation.createdAt),
  };
  if (invitation.cancelledAt) {
    metadata[t('invitationFields.cancelledAt')] = formatDateTime(
      invitation.cancelledAt,
    );
  }
  return (
    <InfoCard title={t('invitation.detailsTitle')}>
      <StructuredMetadataTable metadata={metadata} options={asWritten} />
    </InfoCard>
  );
};
