import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ConditionTransformer } from '@backstage/plugin-permission-node';
import express from 'express';
import Router from 'express-promise-router';
import { createAgentRoutes } from './agent/router';
import { EnrollmentSettings } from './config';
import { EnrollmentStores } from './database/createEnrollmentStores';
import { SiteQuery } from './permissions/siteFilter';
import { createMdmRouter } from './mdm/router';
import { CertificateAuthority } from './pki/CertificateAuthority';
import { redactUrlSecrets } from './portal/redactUrlSecrets';
import { createPortalRouter } from './portal/router';
import { createScepRouter } from './scep';
import { EnrollmentServices } from './services';
import { createAudited } from './service/audited';
import { Authorizer } from './service/Authorizer';
import { createComputerRoutes } from './service/computerRoutes';
import { createPortalAdminRoutes } from './service/portalAdminRoutes';
import { createPushCertificateRoutes } from './service/pushCertificateRoutes';
import { createAdminRouter } from './service/router';

/**
 * All of the plugin's routes: the public ones (portal, SCEP, MDM and the
 * agent's manifest, opened in plugin.ts) and the admin API behind
 * Backstage credentials and permissions.
 */
export async function createEnrollmentRouter(options: {
  settings: EnrollmentSettings;
  stores: EnrollmentStores;
  services: EnrollmentServices;
  ca: CertificateAuthority;
  /** `{base}` as the browser sees it. */
  baseUrl: URL;
  conditions: {
    invitationConditions: ConditionTransformer<SiteQuery>;
    computerConditions: ConditionTransformer<SiteQuery>;
  };
  logger: LoggerService;
  auditor: AuditorService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): Promise<express.Router> {
  const { settings, stores, services, ca, logger } = options;
  const router = Router();
  // Before any route: invitation codes and download tokens stay out of logs.
  router.use(redactUrlSecrets);
  router.use(createScepRouter(services.scep, { logger }));
  router.use(
    createMdmRouter({
      service: services.mdm,
      ca,
      certificates: stores.certificates,
      logger,
    }),
  );
  router.use(
    '/enroll',
    createPortalRouter({
      organization: settings.organization,
      portalPath: `${options.baseUrl.pathname.replace(/\/+$/, '')}/enroll`,
      secureCookies: options.baseUrl.protocol === 'https:',
      sessions: stores.sessions,
      enrollments: stores.enrollments,
      invitations: stores.invitations,
      sites: stores.sites,
      settings: stores.settings,
      events: services.activity,
      directory: services.directory,
      ca,
      profiles: services.profiles,
      quickAddIdentifier: settings.quickadd.identifier,
      logger,
      login: services.login,
    }),
  );

  const authorizer = new Authorizer(options.httpAuth, options.permissions);
  const audited = createAudited({
    auditor: options.auditor,
    events: stores.events,
  });
  const agentRoutes = createAgentRoutes({
    service: services.agent,
    authorizer,
    audited,
    baseUrl: services.pluginBaseUrl,
  });
  router.use(agentRoutes.publicRouter);
  router.use(
    await createAdminRouter({
      authorizer,
      audited,
      ca,
      invitations: services.invitations,
      sites: stores.sites,
      computers: stores.computers,
      events: stores.events,
      mailer: services.mailer,
      organization: settings.organization,
      subRouters: [
        createPortalAdminRoutes({
          authorizer,
          audited,
          settings: stores.settings,
          accounts: stores.accounts,
        }),
        createComputerRoutes({
          authorizer,
          audited,
          computers: stores.computers,
          commands: stores.commands,
          queue: services.commandQueue,
          computerConditions: options.conditions.computerConditions,
        }),
        createPushCertificateRoutes({
          authorizer,
          audited,
          certificates: services.pushCertificates,
        }),
        agentRoutes.adminRouter,
      ],
      ...options.conditions,
    }),
  );
  return router;
}
