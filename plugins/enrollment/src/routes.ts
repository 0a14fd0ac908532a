import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The enrollment admin page. */
export const rootRouteRef = createRouteRef({ id: 'enrollment' });

/** One enrollment invitation, below the admin page. */
export const invitationRouteRef = createSubRouteRef({
  id: 'enrollment-invitation',
  parent: rootRouteRef,
  path: '/invitations/:id',
});
