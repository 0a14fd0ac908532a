import { StructuredMetadataTable } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Site } from '@macenroll/plugin-enrollment-common';
import { enrollmentTranslationRef } from '../../translation';
import { formatExpiry, summarizeRecipients, yesNo } from '../../utils/format';
import { InvitationDraft } from './draft';
import { expiresAtOf } from './expiry';
import { rulesOf, rulesSummary } from '../shared/DeviceRulesFields';
import { parseSerialNumbers } from './SerialNumbersField';

const asWritten = { titleFormat: (key: string) => key };

/** Step 4: everything the invitation will be sent with. */
export const ReviewStep = (props: {
  draft: InvitationDraft;
  recipients: string[];
  sites: Site[];
}) => {
  const { draft, recipients, sites } = props;
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const site = sites.find(s => s.id === draft.siteId);
  const metadata: Record<string, string> = {
    [t('invitationFields.recipients')]:
      recipients.length === 0
        ? t('newInvitation.review.linkOnly')
        : t('newInvitation.review.recipients', {
            total: String(recipients.length),
            recipients: summarizeRecipients(
              recipients,
              recipients.length,
              t,
              5,
            ),
          }),
    ...(recipients.length === 0
      ? {
          [t('newInvitation.review.linkGets')]: draft.multipleUses
            ? t('newInvitation.review.sharedManyMacs')
            : t('newInvitation.review.sharedOneMac'),
        }
      : {
          [t('newInvitation.review.eachGets')]: draft.multipleUses
            ? t('newInvitation.review.ownLinkManyMacs')
            : t('newInvitation.review.ownLinkOneMac'),
        }),
    [t('invitationFields.expires')]: formatExpiry(
      expiresAtOf(draft.expiryDate),
    ),
    [t('invitationFields.requireLogin')]: yesNo(draft.requireLogin, t),
    [t('invitationFields.multipleUses')]: yesNo(draft.multipleUses, t),
    [t('invitationFields.site')]:
      site?.name ??
      (draft.siteId ? draft.siteId : t('invitationFields.noSite')),
  };
  if (draft.siteId) {
    metadata[t('newInvitation.review.keepSite')] = yesNo(
      draft.keepExistingSite,
      t,
    );
  }
  const serials = parseSerialNumbers(draft.serialNumbersText).serialNumbers;
  metadata[t('deviceRules.serialNumbers')] = serials.length
    ? t('deviceRules.serialCount', { number: String(serials.length) })
    : t('deviceRules.none');
  metadata[t('deviceRules.summary')] =
    rulesSummary(rulesOf(draft.rules), t) || t('deviceRules.none');
  metadata[t('invitationFields.subject')] =
    draft.subject.trim() || t('invitationFields.defaultSubject');
  metadata[t('invitationFields.message')] =
    draft.message.trim() || t('invitationFields.none');
  return <StructuredMetadataTable metadata={metadata} options={asWritten} />;
};
