import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { EnrollmentClient, enrollmentApiRef } from './api';
import {
  activityRouteRef,
  computerRouteRef,
  computersRouteRef,
  invitationRouteRef,
  portalAccountsRouteRef,
  rootRouteRef,
  settingsRouteRef,
} from './routes';

/**
 * The enrollment frontend plugin.
 *
 * @public
 */
export const enrollmentPlugin = createPlugin({
  id: 'enrollment',
  apis: [
    createApiFactory({
      api: enrollmentApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new EnrollmentClient(deps),
    }),
  ],
  routes: {
    root: rootRouteRef,
    invitation: invitationRouteRef,
    settings: settingsRouteRef,
    portalAccounts: portalAccountsRouteRef,
    computers: computersRouteRef,
    computer: computerRouteRef,
    activity: activityRouteRef,
  },
});

/**
 * The enrollment admin page, to mount at a route such as `/enrollment`.
 *
 * @public
 */
export const EnrollmentPage = enrollmentPlugin.provide(
  createRoutableExtension({
    name: 'EnrollmentPage',
    component: () =>
      import('./components/EnrollmentPage').then(m => m.EnrollmentPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The Macs card for a catalog `User` page: the person's enrolling and
 * enrolled Macs (everyone sees their own; someone else's need
 * enrollment.computer.read).
 *
 * @public
 */
export const EntityMacsCard = enrollmentPlugin.provide(
  createComponentExtension({
    name: 'EntityMacsCard',
    component: {
      lazy: () =>
        import('./components/EntityMacsCard').then(m => m.EntityMacsCard),
    },
  }),
);

/**
 * The card for a Mac's own catalog `Resource` page (`spec.type: mac`): its
 * enrollment record and a link to its admin page.
 *
 * @public
 */
export const EntityMacCard = enrollmentPlugin.provide(
  createComponentExtension({
    name: 'EntityMacCard',
    component: {
      lazy: () =>
        import('./components/EntityMacCard').then(m => m.EntityMacCard),
    },
  }),
);
