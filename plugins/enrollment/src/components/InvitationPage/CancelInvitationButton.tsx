import { useApi } from '@backstage/core-plugin-api';
import { InvitationDetails } from '@macenroll/plugin-enrollment-common';
import { enrollmentApiRef } from '../../api';
import { ConfirmedActionButton } from '../shared/ConfirmedActionButton';

/** Cancels the invitation once the admin confirms. */
export const CancelInvitationButton = (props: {
  invitationId: string;
  onCancelled: (invitation: InvitationDetails) => void;
}) => {
  const { invitationId, onCancelled } = props;
  const api = useApi(enrollmentApiRef);
  return (
    <ConfirmedActionButton
      label="Cancel invitation"
      question="Cancel this invitation?"
      explanation="Its link stops working at once and mail not sent yet is not sent. Computers that already enrolled stay enrolled. This cannot be undone."
      keepLabel="Keep invitation"
      action={async () => onCancelled(await api.cancelInvitation(invitationId))}
    />
  );
};
