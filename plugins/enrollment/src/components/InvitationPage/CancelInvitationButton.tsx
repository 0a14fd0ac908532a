import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { InvitationDetails } from '@macenroll/plugin-enrollment-common';
import { enrollmentApiRef } from '../../api';
import { enrollmentTranslationRef } from '../../translation';
import { ConfirmedActionButton } from '../shared/ConfirmedActionButton';

/** Cancels the invitation once the admin confirms. */
export const CancelInvitationButton = (props: {
  invitationId: string;
  onCancelled: (invitation: InvitationDetails) => void;
}) => {
  const { invitationId, onCancelled } = props;
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  return (
    <ConfirmedActionButton
      label={t('invitation.cancel.label')}
      question={t('invitation.cancel.question')}
      explanation={t('invitation.cancel.explanation')}
      keepLabel={t('invitation.cancel.keep')}
      action={async () => onCancelled(await api.cancelInvitation(invitationId))}
    />
  );
};
