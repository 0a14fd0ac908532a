import {
  AuditorService,
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ConditionTransformer } from '@backstage/plugin-permission-node';
import { ServiceUnavailableError } from '@backstage/errors';
import express, { NextFunction, Request, Response } from 'express';
import { isDatabaseUnavailable } from './lib/databaseUnavailable';
import Router from 'express-promise-router';
import { createAgentRoutes } from './agent/router';
import { EnrollmentSettings } from './wiring/enrollmentSettings';
import { EnrollmentStores } from './database/createEnrollmentStores';
import { SiteQuery } from './permissions/siteFilter';
import { createMdmRouter } from './mdm/router';
import { CertificateAuthority } from './pki/CertificateAuthority';
import { redactUrlSecrets } from './portal/redactUrlSecrets';
import { createPortalRouter } from './portal/router';
import { createScepRouter } from './scep';
import { EnrollmentServices } from './wiring/createEnrollmentServices';
import { Audited, createAudited } from './service/audited';
import { Authorizer } from './service/Authorizer';
import { createComputerRoutes } from './service/computerRoutes';
import { createEntityComputerRoutes } from './service/entityComputerRoutes';
import { createPortalAdminRoutes } from './service/portalAdminRoutes';
import { createProfileSigningRoutes } from './service/profileSigningRoutes';
import { createPushCertificateRoutes } from './service/pushCertificateRoutes';
import { createAdminRouter } from './service/router';

/** What the plugin's routes are built from. */
export interface EnrollmentRouterOptions {
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
  /** Reads the `User` and Mac `Resource` entities behind the entity cards. */
  catalog: CatalogService;
  auth: AuthService;
}

/**
 * All of the plugin's routes: the public ones (portal, SCEP, MDM and the
 * agent's manifest, opened in plugin.ts) and the admin API behind
 * Backstage credentials and permissions.
 */
export async function createEnrollmentRouter(
  options: EnrollmentRouterOptions,
): Promise<express.Router> {
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
  router.use('/enroll', portalRouter(options));

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
        ...adminSubRouters(options, { authorizer, audited }),
        agentRoutes.adminRouter,
      ],
      ...options.conditions,
    }),
  );
  router.use(databaseUnavailableAsServiceUnavailable(logger));
  return router;
}

/**
 * An admin request that met a database that is restarting or down is a
 * 503 "try again" in JSON, with the cause in the log only; Backstage's
 * error handler, after the plugin's routes, writes the answer.
 */
function databaseUnavailableAsServiceUnavailable(logger: LoggerService) {
  return (error: unknown, req: Request, _res: Response, next: NextFunction) => {
    if (!isDatabaseUnavailable(error)) {
      next(error);
      return;
    }
    logger.warn(
      `${req.method} ${req.baseUrl}${req.path} failed, the database is unavailable: ${error}`,
    );
    next(
      new ServiceUnavailableError(
        'The enrollment database cannot be reached right now; nothing was changed. Try again in a minute.',
      ),
    );
  };
}

function portalRouter(options: EnrollmentRouterOptions): express.Router {
  const { settings, stores, services, baseUrl } = options;
  return createPortalRouter({
    organization: settings.organization,
    portalPath: `${baseUrl.pathname.replace(/\/+$/, '')}/enroll`,
    secureCookies: baseUrl.protocol === 'https:',
    sessions: stores.sessions,
    enrollments: stores.enrollments,
    invitations: stores.invitations,
    sites: stores.sites,
    settings: stores.settings,
    events: services.activity,
    directory: services.directory,
    ca: options.ca,
    profiles: services.profiles,
    quickAddIdentifier: settings.quickadd.identifier,
    logger: options.logger,
    login: services.login,
  });
}

/** The admin API's routes for portal settings, computers, push certificate and profile signing. */
function adminSubRouters(
  options: EnrollmentRouterOptions,
  admin: { authorizer: Authorizer; audited: Audited },
): express.Router[] {
  const { stores, services } = options;
  return [
    createPortalAdminRoutes({
      ...admin,
      settings: stores.settings,
      accounts: stores.accounts,
    }),
    createComputerRoutes({
      ...admin,
      computers: stores.computers,
      commands: stores.commands,
      queue: services.commandQueue,
      computerConditions: options.conditions.computerConditions,
    }),
    createEntityComputerRoutes({
      authorizer: admin.authorizer,
      computers: stores.computers,
      catalog: options.catalog,
      auth: options.auth,
      computerConditions: options.conditions.computerConditions,
    }),
    createPushCertificateRoutes({
      ...admin,
      certificates: services.pushCertificates,
    }),
    createProfileSigningRoutes({
      ...admin,
      signing: services.profileSigning,
    }),
  ];
}
