import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { ENROLLMENT_EVENTS_TOPIC } from '@macenroll/plugin-enrollment-common';
import { readEnrollmentProviderConfig } from './config';
import { EnrollmentComputers } from './EnrollmentComputers';
import { EnrollmentEntityProvider } from './EnrollmentEntityProvider';

/**
 * The catalog module that publishes every enrolled Mac as a `Resource`.
 *
 * @public
 */
export const catalogModuleEnrollment = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'enrollment',
  register(env) {
    env.registerInit({
      deps: {
        catalogProcessing: catalogProcessingExtensionPoint,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        scheduler: coreServices.scheduler,
        rootLifecycle: coreServices.rootLifecycle,
      },
      async init(deps) {
        const config = readEnrollmentProviderConfig(deps.config);
        const provider = new EnrollmentEntityProvider({
          logger: deps.logger,
          auth: deps.auth,
          catalog: deps.catalog,
          scheduler: deps.scheduler,
          schedule: config.schedule,
          computers: new EnrollmentComputers(deps.discovery, deps.auth),
          owners: config.owners,
          appBaseUrl: config.appBaseUrl,
        });
        deps.catalogProcessing.addEntityProvider(provider);
        await deps.events.subscribe({
          id: 'enrollment-entity-provider',
          topics: [ENROLLMENT_EVENTS_TOPIC],
          onEvent: params => provider.onEvent(params),
        });
        // Once the whole backend has started: the catalog and the enrollment
        // plugin answer HTTP only then (a plugin's own hook fires earlier).
        deps.rootLifecycle.addStartupHook(() => provider.scheduleFullRuns());
      },
    });
  },
});
