import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { enrollmentPermissions } from '@macenroll/plugin-enrollment-common';
import { readEnrollmentSettings } from './config';
import { DatabaseCaStore } from './database/CaStore';
import { applyMigrations } from './database/migrations';
import { loadCertificateAuthority } from './pki/loadCertificateAuthority';
import { createPortalRouter } from './portal/router';
import { createRootEnrollRedirect } from './portal/rootRedirect';
import { createAdminRouter } from './service/router';

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
        database: coreServices.database,
        discovery: coreServices.discovery,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        rootHttpRouter: coreServices.rootHttpRouter,
        scheduler: coreServices.scheduler,
      },
      async init({
        config,
        logger,
        database,
        discovery,
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
        rootHttpRouter,
      }) {
        const settings = readEnrollmentSettings(config);
        const db = await applyMigrations(database);
        const ca = await loadCertificateAuthority({
          configured: settings.ca,
          store: new DatabaseCaStore(db),
          organization: settings.organization,
          logger,
        });

        permissionsRegistry.addPermissions(enrollmentPermissions);

        // Public: each proves its caller another way (portal session, SCEP
        // challenge, Mdm-Signature). Everything else needs Backstage credentials.
        httpRouter.addAuthPolicy({ path: '/enroll', allow: 'unauthenticated' });
        httpRouter.use(
          createPortalRouter({ organization: settings.organization }),
        );
        httpRouter.use(await createAdminRouter({ httpAuth, permissions, ca }));

        // <backend.baseUrl>/enroll, the short link printed on posters and in mail.
        rootHttpRouter.use(
          '/enroll',
          createRootEnrollRedirect(
            async () =>
              `${await discovery.getExternalBaseUrl('enrollment')}/enroll`,
          ),
        );
      },
    });
  },
});
