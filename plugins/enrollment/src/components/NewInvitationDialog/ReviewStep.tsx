import { StructuredMetadataTable } from '@backstage/core-components';
import { Site } from '@macenroll/plugin-enrollment-common';
import { formatExpiry, summarizeRecipients, yesNo } from '../../utils/format';
import { InvitationDraft } from './draft';
import { expiresAtOf } from './expiry';

const asWritten = { titleFormat: (key: string) => key };

/** Step 4: everything the invitation will be sent with. */
export const ReviewStep = (props: {
  draft: InvitationDraft;
  recipients: string[];
  sites: Site[];
}) => {
  const { draft, recipients, sites } = props;
  const site = sites.find(s => s.id === draft.siteId);
  const metadata: Record<string, string> = {
    Recipients:
      recipients.length === 0
        ? 'None: a link-only invitation that you share yourself'
        : `${recipients.length}: ${summarizeRecipients(
            recipients,
            recipients.length,
            5,
          )}`,
    Expires: formatExpiry(expiresAtOf(draft.expiryDate)),
    'Require login': yesNo(draft.requireLogin),
    'Multiple uses': yesNo(draft.multipleUses),
    Site: site?.name ?? (draft.siteId ? draft.siteId : 'No site'),
  };
  if (draft.siteId) {
    metadata['Re-enrolling computers keep their site'] = yesNo(
      draft.keepExistingSite,
    );
  }
  metadata.Subject = draft.subject.trim() || 'The default subject';
  metadata.Message = draft.message.trim() || 'None';
  return <StructuredMetadataTable metadata={metadata} options={asWritten} />;
};
