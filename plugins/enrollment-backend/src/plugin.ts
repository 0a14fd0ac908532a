import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { syncLocalAccounts } from './accounts/localAccounts';
import { readEnrollmentSettings } from './wiring/enrollmentSettings';
import { createEnrollmentStores } from './database/createEnrollmentStores';
import { warnWhereMacsCannotBeReached } from './mdm/reachabilityWarnings';
import { registerEnrollmentPermissions } from './permissions/registerPermissions';
import { loadCertificateAuthority } from './pki/loadCertificateAuthority';
import { createRootEnrollRedirect } from './portal/rootRedirect';
import { createEnrollmentRouter } from './router';
import { createEnrollmentServices } from './wiring/createEnrollmentServices';
import { createCleanup } from './tasks/cleanup';
import { scheduleEnrollmentTasks } from './tasks/scheduleEnrollmentTasks';

/**
 * The enrollment backend plugin: admin API, the public /enroll portal,
 * SCEP and MDM check-in.
 *
 * @public
 */
export const enrollmentPlugin = createBackendPlugin({
  pluginId: 'enrollment',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        database: coreServices.database,
        discovery: coreServices.discovery,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        lifecycle: coreServices.lifecycle,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        rootHttpRouter: coreServices.rootHttpRouter,
        scheduler: coreServices.scheduler,
        events: eventsServiceRef,
        notifications: notificationService,
        instanceMetadata: coreServices.rootInstanceMetadata,
      },
      async init(deps) {
        const { config, logger, httpRouter } = deps;
        const settings = readEnrollmentSettings(config);
        const stores = await createEnrollmentStores(deps.database);
        const ca = await loadCertificateAuthority({
          configured: settings.ca,
          store: stores.ca,
          organization: settings.organization,
          logger,
        });
        await syncLocalAccounts(stores.accounts, settings.localAccounts);
        // Notifications only where their backend is installed: the service
        // itself exists everywhere and would fail every send.
        const installed = await deps.instanceMetadata.getInstalledPlugins();
        const services = createEnrollmentServices({
          settings,
          stores,
          ca,
          ...deps,
          notifications: installed.some(p => p.pluginId === 'notifications')
            ? deps.notifications
            : undefined,
        });
        const baseUrl = new URL(await services.pluginBaseUrl());
        warnWhereMacsCannotBeReached(logger, {
          push: await services.pushCertificates.summary(),
          baseUrl,
          allowInsecureUrls: settings.allowInsecureUrls,
        });

        await scheduleEnrollmentTasks(deps.scheduler, {
          deliverMail: () => services.delivery.runOnce(),
          deliveryIntervalSeconds: settings.deliveryIntervalSeconds,
          retryPushes: () => services.push.runOnce(),
          renewIdentities: () => services.renewal.runOnce(),
          deliverEvents: () => services.dispatcher.runOnce(),
          cleanup: createCleanup(stores, settings.eventRetentionDays),
        });
        const conditions = registerEnrollmentPermissions(
          deps.permissionsRegistry,
          stores,
        );

        // Public: each proves its caller another way (portal session, SCEP
        // challenge, Mdm-Signature). Everything else needs Backstage credentials.
        httpRouter.addAuthPolicy({ path: '/enroll', allow: 'unauthenticated' });
        httpRouter.addAuthPolicy({ path: '/scep', allow: 'unauthenticated' });
        httpRouter.addAuthPolicy({ path: '/mdm', allow: 'unauthenticated' });
        httpRouter.use(
          await createEnrollmentRouter({
            settings,
            stores,
            services,
            ca,
            baseUrl,
            conditions,
            ...deps,
          }),
        );

        // <backend.baseUrl>/enroll, the short link printed on posters and in mail.
        deps.rootHttpRouter.use(
          '/enroll',
          createRootEnrollRedirect(services.portalUrl),
        );
      },
    });
  },
});
