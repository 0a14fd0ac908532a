import {
  AuditorService,
  DiscoveryService,
  LifecycleService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { ActivityLog } from './activity/ActivityLog';
import { AgentPackageService } from './agent/AgentPackageService';
import { AGENT_MANIFEST_PATH } from './agent/router';
import { PushCertificates } from './apns/PushCertificates';
import { PushService } from './apns/PushService';
import { EnrollmentSettings } from './config';
import { EnrollmentStores } from './database/createEnrollmentStores';
import { InvitationCodes } from './invitations/code';
import { invitationCodeSecret } from './invitations/codeSecret';
import { InvitationService } from './invitations/InvitationService';
import { LdapDirectory } from './ldap';
import { createMailer } from './mail/createMailer';
import { InvitationDelivery } from './mail/InvitationDelivery';
import { CommandQueue } from './mdm/CommandQueue';
import { installAgentCommand } from './mdm/commands';
import { EnrollmentProfileService } from './mdm/EnrollmentProfileService';
import { IdentityRenewal } from './mdm/IdentityRenewal';
import { MdmService } from './mdm/MdmService';
import { CertificateAuthority } from './pki/CertificateAuthority';
import { SecretSealer } from './pki/SecretSealer';
import { PortalLogin } from './portal/PortalLogin';
import { shortEnrollUrl } from './portal/rootRedirect';
import { ScepService } from './scep';
import { MAIL_TASK_ID } from './tasks/scheduleEnrollmentTasks';

/**
 * The plugin's services, each given the stores and settings it needs: what
 * the routers serve and the scheduled tasks run.
 */
export function createEnrollmentServices(options: {
  settings: EnrollmentSettings;
  stores: EnrollmentStores;
  ca: CertificateAuthority;
  config: RootConfigService;
  logger: LoggerService;
  auditor: AuditorService;
  discovery: DiscoveryService;
  lifecycle: LifecycleService;
  scheduler: SchedulerService;
}) {
  const { settings, stores, ca, logger } = options;
  const pluginBaseUrl = () =>
    options.discovery.getExternalBaseUrl('enrollment');
  // <backend.baseUrl>/enroll: the short link in mail, printed on posters.
  const portalUrl = async () => `${await pluginBaseUrl()}/enroll`;
  const enrollUrl = async () => shortEnrollUrl(await portalUrl());

  const activity = new ActivityLog(stores.events, options.auditor);
  const codes = new InvitationCodes(
    invitationCodeSecret(settings.invitationCodeSecret, ca),
  );
  const mailer = createMailer(settings);
  options.lifecycle.addShutdownHook(() => mailer.close());
  // Mail goes out from a scheduled task, never inside the HTTP request.
  const delivery = new InvitationDelivery({
    store: stores.deliveries,
    events: activity,
    mailer,
    codes,
    organization: settings.organization,
    enrollUrl,
    logger,
    settings: settings.delivery,
  });
  const invitations = new InvitationService({
    invitations: stores.invitations,
    sites: stores.sites,
    computers: stores.computers,
    // Its changes come through the admin API, which audits them.
    events: stores.events,
    codes,
    enrollUrl,
    // A run in progress picks new recipients up in its next round.
    wakeDelivery: () =>
      options.scheduler.triggerTask(MAIL_TASK_ID).catch(() => undefined),
  });

  const directory = LdapDirectory.fromConfig(options.config);
  const login = new PortalLogin({
    accounts: stores.accounts,
    directory,
    userFailures: stores.loginAttempts.user,
    addressFailures: stores.loginAttempts.address,
  });

  const pushCertificates = new PushCertificates({
    configured: settings.apns.certificate,
    configuredTopic: settings.topic,
    store: stores.pushCertificates,
    sealer: new SecretSealer(ca.privateKey, SecretSealer.PUSH_KEY),
  });
  const topic = () => pushCertificates.topic();
  const profiles = new EnrollmentProfileService({
    ca,
    organization: settings.organization,
    challenges: stores.challenges,
    topic,
    allowInsecureUrls: settings.allowInsecureUrls,
    tlsTrustPem: settings.tlsTrustPem,
    baseUrl: pluginBaseUrl,
  });
  const scep = new ScepService({
    ca,
    challenges: stores.challenges,
    recorder: stores.certificates,
    identities: stores.certificates,
    activity,
    lifetimeDays: settings.mdm.certificateLifetimeDays,
  });

  // Pushes wake Macs (they never poll). Queued in the database, sent at
  // once by the replica that asked, retried by the scheduled task.
  const push = new PushService({
    queue: stores.pushQueue,
    devices: stores.devices,
    certificate: () => pushCertificates.current(),
    events: activity,
    logger,
    settings: settings.apns,
  });
  options.lifecycle.addShutdownHook(() => push.close());
  const commandQueue = new CommandQueue({ commands: stores.commands, push });
  const agent = new AgentPackageService({ store: stores.agentPackages });
  // A package URL from config wins; else the one set in Settings.
  const agentCommand = async () =>
    settings.mdm.agentManifestUrl
      ? installAgentCommand(settings.mdm.agentManifestUrl)
      : agent
          .installCommand(`${await pluginBaseUrl()}${AGENT_MANIFEST_PATH}`)
          .then(command => command && { ...command });
  const mdm = new MdmService({
    devices: stores.devices,
    certificates: stores.certificates,
    enrollments: stores.enrollments,
    commands: stores.commands,
    queue: commandQueue,
    events: activity,
    settings: stores.settings,
    sealer: new SecretSealer(ca.privateKey, SecretSealer.BOOTSTRAP_TOKENS),
    topic,
    agentCommand,
    logger,
  });
  const renewal = new IdentityRenewal({
    devices: stores.devices,
    profiles,
    queue: commandQueue,
    settings: stores.settings,
    events: activity,
    organization: settings.organization,
    renewalDays: settings.mdm.renewalDays,
    logger,
  });

  return {
    pluginBaseUrl,
    portalUrl,
    activity,
    mailer,
    delivery,
    invitations,
    directory,
    login,
    pushCertificates,
    profiles,
    scep,
    push,
    commandQueue,
    agent,
    mdm,
    renewal,
  };
}

export type EnrollmentServices = ReturnType<typeof createEnrollmentServices>;
