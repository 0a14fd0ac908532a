import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The enrollment admin page. */
export const rootRouteRef = createRouteRef({ id: 'enrollment' });

/** One enrollment invitation, below the admin page. */
export const invitationRouteRef = createSubRouteRef({
  id: 'enrollment-invitation',
  parent: rootRouteRef,
  path: '/invitations/:id',
});

/** The portal settings, below the admin page. */
export const settingsRouteRef = createSubRouteRef({
  id: 'enrollment-settings',
  parent: rootRouteRef,
  path: '/settings',
});

/** The portal's local accounts, below the admin page. */
export const portalAccountsRouteRef = createSubRouteRef({
  id: 'enrollment-portal-accounts',
  parent: rootRouteRef,
  path: '/accounts',
});

/** Every enrolled computer, below the admin page. */
export const computersRouteRef = createSubRouteRef({
  id: 'enrollment-computers',
  parent: rootRouteRef,
  path: '/computers',
});

/** One computer: its inventory, commands and their history. */
export const computerRouteRef = createSubRouteRef({
  id: 'enrollment-computer',
  parent: rootRouteRef,
  path: '/computers/:id',
});

/** The activity log, below the admin page. */
export const activityRouteRef = createSubRouteRef({
  id: 'enrollment-activity',
  parent: rootRouteRef,
  path: '/activity',
});
