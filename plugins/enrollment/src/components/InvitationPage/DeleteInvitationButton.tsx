import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { enrollmentApiRef } from '../../api';
import { enrollmentTranslationRef } from '../../translation';
import { ConfirmedActionButton } from '../shared/ConfirmedActionButton';

/** Deletes the invitation once the admin confirms. */
export const DeleteInvitationButton = (props: {
  invitationId: string;
  onDeleted: () => void;
}) => {
  const { invitationId, onDeleted } = props;
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  return (
    <ConfirmedActionButton
      label={t('invitation.delete.label')}
      question={t('invitation.delete.question')}
      explanation={t('invitation.delete.explanation')}
      keepLabel={t('invitation.delete.keep')}
      action={async () => {
        await api.deleteInvitation(invitationId);
        onDeleted();
      }}
    />
  );
};
