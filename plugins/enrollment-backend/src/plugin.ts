import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { createConditionTransformer } from '@backstage/plugin-permission-node';
import {
  computerCommandPermission,
  computerReadPermission,
  enrollmentPermissions,
  invitationDeletePermission,
  invitationReadPermission,
  invitationUpdatePermission,
} from '@macenroll/plugin-enrollment-common';
import { hashPassword } from './accounts/passwordHash';
import { readEnrollmentSettings } from './config';
import { EnrollmentStore } from './database/EnrollmentStore';
import { LoginFailureStore } from './database/LoginFailureStore';
import { PortalAccountStore } from './database/PortalAccountStore';
import { PortalSessionStore } from './database/PortalSessionStore';
import { SettingsStore } from './database/SettingsStore';
import { LdapDirectory } from './ldap';
import { CertificateStore } from './database/CertificateStore';
import { CommandStore } from './database/CommandStore';
import { DeviceStore } from './database/DeviceStore';
import { DatabaseScepChallengeStore } from './database/ScepChallengeStore';
import { SecretSealer } from './pki/SecretSealer';
import { EnrollmentProfileService } from './mdm/EnrollmentProfileService';
import { MdmService } from './mdm/MdmService';
import { createMdmRouter } from './mdm/router';
import { createScepRouter, ScepService } from './scep';
import { PortalLogin } from './portal/PortalLogin';
import { createPortalAdminRoutes } from './service/portalAdminRoutes';
import { DatabaseCaStore } from './database/CaStore';
import { ComputerStore } from './database/ComputerStore';
import { DatabaseInvitationStore } from './database/DatabaseInvitationStore';
import { DeliveryStore } from './database/DeliveryStore';
import { ActivityLog } from './activity/ActivityLog';
import { EventStore } from './database/EventStore';
import { applyMigrations } from './database/migrations';
import { DatabaseSiteStore } from './database/SiteStore';
import { InvitationCodes } from './invitations/code';
import { invitationCodeSecret } from './invitations/codeSecret';
import { InvitationService } from './invitations/InvitationService';
import { createMailer } from './mail/createMailer';
import { InvitationDelivery } from './mail/InvitationDelivery';
import {
  computerInSiteRule,
  computerResourceRef,
  invitationInSiteRule,
  invitationResourceRef,
} from './permissions/rules';
import { loadCertificateAuthority } from './pki/loadCertificateAuthority';
import { createPortalRouter } from './portal/router';
import {
  createRootEnrollRedirect,
  shortEnrollUrl,
} from './portal/rootRedirect';
import { redactUrlSecrets } from './portal/redactUrlSecrets';
import { createAudited } from './service/audited';
import { Authorizer } from './service/Authorizer';
import { createAdminRouter } from './service/router';
import { PushCertificates } from './apns/PushCertificates';
import { PushService } from './apns/PushService';
import { DatabasePushCertificateStore } from './database/PushCertificateStore';
import { DatabasePushQueueStore } from './database/PushQueueStore';
import { CommandQueue } from './mdm/CommandQueue';
import { installAgentCommand } from './mdm/commands';
import { IdentityRenewal } from './mdm/IdentityRenewal';
import { AgentPackageService } from './agent/AgentPackageService';
import { AGENT_MANIFEST_PATH, createAgentRoutes } from './agent/router';
import { DatabaseAgentPackageStore } from './database/AgentPackageStore';
import { createComputerRoutes } from './service/computerRoutes';
import { createPushCertificateRoutes } from './service/pushCertificateRoutes';

const MAIL_TASK_ID = 'enrollment-invitation-mail';
const PUSH_TASK_ID = 'enrollment-apns-push';

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
        database: coreServices.database,
        discovery: coreServices.discovery,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        lifecycle: coreServices.lifecycle,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        rootHttpRouter: coreServices.rootHttpRouter,
        scheduler: coreServices.scheduler,
      },
      async init(deps) {
        const { config, logger, httpRouter, permissionsRegistry, scheduler } =
          deps;
        const settings = readEnrollmentSettings(config);
        const db = await applyMigrations(deps.database);
        const ca = await loadCertificateAuthority({
          configured: settings.ca,
          store: new DatabaseCaStore(db),
          organization: settings.organization,
          logger,
        });

        const sites = new DatabaseSiteStore(db);
        const settingsStore = new SettingsStore(db);
        const invitationStore = new DatabaseInvitationStore(db);
        const computers = new ComputerStore(db);
        const events = new EventStore(db);
        const activity = new ActivityLog(events, deps.auditor);
        const codes = new InvitationCodes(
          invitationCodeSecret(settings.invitationCodeSecret, ca),
        );
        const mailer = createMailer(settings);
        deps.lifecycle.addShutdownHook(() => mailer.close());
        // <backend.baseUrl>/enroll: the short link in mail, printed on posters.
        const portalUrl = async () =>
          `${await deps.discovery.getExternalBaseUrl('enrollment')}/enroll`;
        const enrollUrl = async () => shortEnrollUrl(await portalUrl());

        // Mail goes out from a scheduled task, never inside the HTTP request;
        // the scheduler runs it on one replica at a time.
        const delivery = new InvitationDelivery({
          store: new DeliveryStore(db),
          events: activity,
          mailer,
          codes,
          organization: settings.organization,
          enrollUrl,
          logger,
          settings: settings.delivery,
        });
        await scheduler.scheduleTask({
          id: MAIL_TASK_ID,
          frequency: { seconds: settings.deliveryIntervalSeconds },
          timeout: { minutes: 15 },
          fn: async () => {
            await delivery.runOnce();
          },
        });

        const invitations = new InvitationService({
          invitations: invitationStore,
          sites,
          computers,
          // Its changes come through the admin API, which audits them.
          events,
          codes,
          enrollUrl,
          // A run in progress picks new recipients up in its next round.
          wakeDelivery: () =>
            scheduler.triggerTask(MAIL_TASK_ID).catch(() => undefined),
        });

        // The public portal's parts.
        const accounts = new PortalAccountStore(db);
        await accounts.syncFromConfig(
          await Promise.all(
            settings.localAccounts.map(async a => ({
              username: a.username,
              passwordHash: a.passwordHash ?? (await hashPassword(a.password!)),
            })),
          ),
        );
        const directory = LdapDirectory.fromConfig(config);
        const sessions = new PortalSessionStore(db);
        const enrollments = new EnrollmentStore(db);
        const portalBase = new URL(
          await deps.discovery.getExternalBaseUrl('enrollment'),
        );
        // What a Mac talks to after the portal: SCEP, check-in, commands.
        const pluginBaseUrl = () =>
          deps.discovery.getExternalBaseUrl('enrollment');
        const challenges = new DatabaseScepChallengeStore(db);
        const loginAttempts = {
          user: new LoginFailureStore(db, {
            maxFailures: 5,
            windowMs: 15 * 60_000,
            lockMs: 15 * 60_000,
          }),
          address: new LoginFailureStore(db, {
            maxFailures: 30,
            windowMs: 15 * 60_000,
            lockMs: 15 * 60_000,
          }),
        };
        await scheduler.scheduleTask({
          id: 'enrollment-portal-cleanup',
          frequency: { minutes: 15 },
          timeout: { minutes: 5 },
          fn: async () => {
            await sessions.deleteExpired(new Date());
            await enrollments.deleteExpired(new Date());
            await challenges.deleteExpired(new Date());
            await loginAttempts.user.deleteExpired(new Date());
            await loginAttempts.address.deleteExpired(new Date());
            await events.deleteOlderThan(
              new Date(Date.now() - settings.eventRetentionDays * 86_400_000),
            );
          },
        });

        const certificates = new CertificateStore(db);
        const pushCertificates = new PushCertificates({
          configured: settings.apns.certificate,
          configuredTopic: settings.topic,
          store: new DatabasePushCertificateStore(db),
          sealer: new SecretSealer(ca.privateKey, SecretSealer.PUSH_KEY),
        });
        const topic = () => pushCertificates.topic();
        const profiles = new EnrollmentProfileService({
          ca,
          organization: settings.organization,
          challenges,
          topic,
          allowInsecureUrls: settings.allowInsecureUrls,
          tlsTrustPem: settings.tlsTrustPem,
          baseUrl: pluginBaseUrl,
        });
        const pushSummary = await pushCertificates.summary();
        if (!pushSummary.configured) {
          logger.warn(
            'No MDM push certificate (enrollment.apns, or upload one in Settings): enrolled Macs cannot be reached and the portal gives out no profiles until there is one',
          );
        } else if (pushSummary.expiresSoon) {
          logger.warn(
            `The MDM push certificate for ${pushSummary.topic} expires on ${pushSummary.notAfter}: renew it in Apple's Push Certificates Portal with the same Apple ID`,
          );
        }
        if (portalBase.protocol !== 'https:') {
          logger.warn(
            `The enrollment endpoints are served over ${
              portalBase.protocol
            }; macOS accepts MDM and SCEP URLs only over https${
              settings.allowInsecureUrls
                ? ' (enrollment.allowInsecureUrls is on: for a demo only)'
                : ', so the portal gives out no profiles'
            }`,
          );
        }

        // Pushes wake Macs (they never poll). Queued in the database, sent
        // at once by the replica that asked, retried by the scheduled task.
        const devices = new DeviceStore(db);
        const push = new PushService({
          queue: new DatabasePushQueueStore(db),
          devices,
          certificate: () => pushCertificates.current(),
          events: activity,
          logger,
          settings: settings.apns,
        });
        deps.lifecycle.addShutdownHook(() => push.close());
        await scheduler.scheduleTask({
          id: PUSH_TASK_ID,
          frequency: { seconds: 10 },
          timeout: { minutes: 5 },
          fn: async () => {
            await push.runOnce();
          },
        });
        const commands = new CommandStore(db);
        const commandQueue = new CommandQueue({ commands, push });
        const agent = new AgentPackageService({
          store: new DatabaseAgentPackageStore(db),
        });
        // A package URL from config wins; else the one set in Settings.
        const agentCommand = async () =>
          settings.mdm.agentManifestUrl
            ? installAgentCommand(settings.mdm.agentManifestUrl)
            : agent
                .installCommand(
                  `${await pluginBaseUrl()}${AGENT_MANIFEST_PATH}`,
                )
                .then(command => command && { ...command });
        const mdm = new MdmService({
          devices,
          certificates,
          enrollments,
          commands,
          queue: commandQueue,
          events: activity,
          settings: settingsStore,
          sealer: new SecretSealer(
            ca.privateKey,
            SecretSealer.BOOTSTRAP_TOKENS,
          ),
          topic,
          agentCommand,
          logger,
        });

        const renewal = new IdentityRenewal({
          devices,
          profiles,
          queue: commandQueue,
          settings: settingsStore,
          events: activity,
          organization: settings.organization,
          renewalDays: settings.mdm.renewalDays,
          logger,
        });
        await scheduler.scheduleTask({
          id: 'enrollment-identity-renewal',
          frequency: { hours: 6 },
          timeout: { minutes: 30 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            await renewal.runOnce();
          },
        });

        permissionsRegistry.addPermissions(enrollmentPermissions);
        permissionsRegistry.addResourceType({
          resourceRef: invitationResourceRef,
          permissions: [
            invitationReadPermission,
            invitationUpdatePermission,
            invitationDeletePermission,
          ],
          rules: [invitationInSiteRule],
          getResources: async ids =>
            Promise.all(ids.map(id => invitationStore.get(id, new Date()))),
        });
        permissionsRegistry.addResourceType({
          resourceRef: computerResourceRef,
          permissions: [computerReadPermission, computerCommandPermission],
          rules: [computerInSiteRule],
          getResources: async ids =>
            Promise.all(ids.map(id => computers.get(id))),
        });

        // Public: each proves its caller another way (portal session, SCEP
        // challenge, Mdm-Signature). Everything else needs Backstage credentials.
        httpRouter.addAuthPolicy({ path: '/enroll', allow: 'unauthenticated' });
        httpRouter.addAuthPolicy({ path: '/scep', allow: 'unauthenticated' });
        httpRouter.addAuthPolicy({ path: '/mdm', allow: 'unauthenticated' });
        // Before any route: invitation codes and download tokens stay out of logs.
        httpRouter.use(redactUrlSecrets);
        httpRouter.use(
          createScepRouter(
            new ScepService({
              ca,
              challenges,
              recorder: certificates,
              identities: certificates,
              activity,
              lifetimeDays: settings.mdm.certificateLifetimeDays,
            }),
            { logger },
          ),
        );
        httpRouter.use(
          createMdmRouter({ service: mdm, ca, certificates, logger }),
        );
        httpRouter.use(
          createPortalRouter({
            organization: settings.organization,
            portalPath: `${portalBase.pathname.replace(/\/+$/, '')}/enroll`,
            secureCookies: portalBase.protocol === 'https:',
            sessions,
            enrollments,
            invitations: invitationStore,
            sites,
            settings: settingsStore,
            events: activity,
            directory,
            ca,
            profiles,
            quickAddIdentifier: settings.quickadd.identifier,
            logger,
            login: new PortalLogin({
              accounts,
              directory,
              userFailures: loginAttempts.user,
              addressFailures: loginAttempts.address,
            }),
          }),
        );
        const authorizer = new Authorizer(deps.httpAuth, deps.permissions);
        const audited = createAudited({ auditor: deps.auditor, events });
        const agentRoutes = createAgentRoutes({
          service: agent,
          authorizer,
          audited,
          baseUrl: pluginBaseUrl,
        });
        httpRouter.use(agentRoutes.publicRouter);
        const computerConditions = createConditionTransformer(
          permissionsRegistry.getPermissionRuleset(computerResourceRef),
        );
        httpRouter.use(
          await createAdminRouter({
            authorizer,
            audited,
            ca,
            invitations,
            sites,
            computers,
            events,
            mailer,
            organization: settings.organization,
            subRouters: [
              createPortalAdminRoutes({
                authorizer,
                audited,
                settings: settingsStore,
                accounts,
              }),
              createComputerRoutes({
                authorizer,
                audited,
                computers,
                commands,
                queue: commandQueue,
                computerConditions,
              }),
              createPushCertificateRoutes({
                authorizer,
                audited,
                certificates: pushCertificates,
              }),
              agentRoutes.adminRouter,
            ],
            invitationConditions: createConditionTransformer(
              permissionsRegistry.getPermissionRuleset(invitationResourceRef),
            ),
            computerConditions,
          }),
        );

        // <backend.baseUrl>/enroll, the short link printed on posters and in mail.
        deps.rootHttpRouter.use('/enroll', createRootEnrollRedirect(portalUrl));
      },
    });
  },
});
