import { useApi } from '@backstage/core-plugin-api';
import { enrollmentApiRef } from '../../api';
import { ConfirmedActionButton } from '../shared/ConfirmedActionButton';

/** Deletes the invitation once the admin confirms. */
export const DeleteInvitationButton = (props: {
  invitationId: string;
  onDeleted: () => void;
}) => {
  const { invitationId, onDeleted } = props;
  const api = useApi(enrollmentApiRef);
  return (
    <ConfirmedActionButton
      label="Delete invitation"
      question="Delete this invitation?"
      explanation="It disappears from the list with its recipients; its link stops working and mail not sent yet is not sent. Computers that enrolled with it stay enrolled, no longer linked to it. Its entries in the activity log stay. This cannot be undone."
      keepLabel="Keep invitation"
      action={async () => {
        await api.deleteInvitation(invitationId);
        onDeleted();
      }}
    />
  );
};
