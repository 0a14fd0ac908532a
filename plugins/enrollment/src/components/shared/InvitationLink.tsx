import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { invitationRouteRef } from '../../routes';

/** Opens the invitation a row came from. */
export const InvitationLink = (props: { invitationId: string }) => {
  const invitationRoute = useRouteRef(invitationRouteRef);
  return (
    <Link to={invitationRoute({ id: props.invitationId })}>
      View invitation
    </Link>
  );
};
