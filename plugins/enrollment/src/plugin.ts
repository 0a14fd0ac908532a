import {
  createApiFactory,
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
