import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import PhonelinkSetupIcon from '@material-ui/icons/PhonelinkSetup';
import { MAC_RESOURCE_TYPE } from '@macenroll/plugin-enrollment-common';
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

// On a person's page, their Macs; on a Mac's own page, its enrollment record.
const entityMacsCard = EntityCardBlueprint.make({
  name: 'macs',
  params: {
    filter: { kind: 'user' },
    loader: () =>
      import('./components/EntityMacsCard').then(m => <m.EntityMacsCard />),
  },
});

const entityMacCard = EntityCardBlueprint.make({
  name: 'mac',
  params: {
    filter: { kind: 'resource', 'spec.type': MAC_RESOURCE_TYPE },
    loader: () =>
      import('./components/EntityMacCard').then(m => <m.EntityMacCard />),
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
  extensions: [enrollmentApi, enrollmentPage, entityMacsCard, entityMacCard],
});
