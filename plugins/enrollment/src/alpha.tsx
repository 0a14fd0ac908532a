import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import PhonelinkSetupIcon from '@material-ui/icons/PhonelinkSetup';
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

export { enrollmentTranslationRef } from './translation';

const enrollmentApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: enrollmentApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new EnrollmentClient(deps),
    }),
});

const enrollmentPage = PageBlueprint.make({
  params: {
    path: '/enrollment',
    routeRef: rootRouteRef,
    title: 'Enrollment',
    icon: <PhonelinkSetupIcon />,
    loader: () =>
      import('./components/EnrollmentPage').then(m => <m.EnrollmentPage />),
  },
});

/**
 * The enrollment plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'enrollment',
  routes: {
    root: rootRouteRef,
    invitation: invitationRouteRef,
    settings: settingsRouteRef,
    portalAccounts: portalAccountsRouteRef,
    computers: computersRouteRef,
    computer: computerRouteRef,
    activity: activityRouteRef,
  },
  extensions: [enrollmentApi, enrollmentPage],
});
