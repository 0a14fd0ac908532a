import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { invitationRouteRef } from '../../routes';
import { enrollmentTranslationRef } from '../../translation';

/** Opens the invitation a row came from. */
export const InvitationLink = (props: { invitationId: string }) => {
  const invitationRoute = useRouteRef(invitationRouteRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  return (
    <Link to={invitationRoute({ id: props.invitationId })}>
      {t('invitation.viewInvitation')}
    </Link>
  );
};
