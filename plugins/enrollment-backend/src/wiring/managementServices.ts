import { LdapDirectory } from '../ldap';
import { AgentPackageService } from '../agent/AgentPackageService';
import { AGENT_MANIFEST_PATH } from '../agent/router';
import { PushCertificates } from '../apns/PushCertificates';
import { PushService } from '../apns/PushService';
import { SecretSealer } from '../pki/SecretSealer';
import { EnrollmentServiceOptions, SharedServices } from './serviceOptions';
import { CommandQueue } from '../mdm/CommandQueue';
import { installAgentCommand } from '../mdm/commands';
import { EnrollmentProfileService } from '../mdm/EnrollmentProfileService';
import { IdentityRenewal } from '../mdm/IdentityRenewal';
import { MdmService } from '../mdm/MdmService';
import { MdmServiceDeps } from '../mdm/mdmServiceDeps';
import { ActivityLog } from '../activity/ActivityLog';
import { atomicallyWithPushes } from './atomically';

/** What manages an enrolled Mac: pushes, commands, check-in and renewal. */
export function createManagementServices(
  options: EnrollmentServiceOptions,
  shared: SharedServices & {
    pushCertificates: PushCertificates;
    topic: () => Promise<string | undefined>;
    profiles: EnrollmentProfileService;
    directory?: LdapDirectory;
  },
) {
  const { settings, stores, ca, logger } = options;
  // Pushes wake Macs (they never poll). Queued in the database, sent at
  // once by the replica that asked, retried by the scheduled task.
  const push = new PushService({
    queue: stores.pushQueue,
    devices: stores.devices,
    certificate: () => shared.pushCertificates.current(),
    events: shared.activity,
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
          .installCommand(
            `${await shared.pluginBaseUrl()}${AGENT_MANIFEST_PATH}`,
          )
          .then(command => command && { ...command });
  const mdmDeps: MdmServiceDeps = {
    devices: stores.devices,
    certificates: stores.certificates,
    enrollments: stores.enrollments,
    invitations: stores.invitations,
    sites: stores.sites,
    commands: stores.commands,
    queue: commandQueue,
    events: shared.activity,
    settings: stores.settings,
    portalAccounts: stores.accounts,
    directory: shared.directory,
    sealer: new SecretSealer(ca.privateKey, SecretSealer.BOOTSTRAP_TOKENS),
    topic: shared.topic,
    agentCommand,
    outbound: shared.outbound,
    logger,
  };
  const mdm = new MdmService({
    ...mdmDeps,
    atomically: fn =>
      atomicallyWithPushes(stores, push, shared.outbound, tx =>
        fn({
          ...mdmDeps,
          devices: tx.stores.devices,
          certificates: tx.stores.certificates,
          enrollments: tx.stores.enrollments,
          invitations: tx.stores.invitations,
          commands: tx.stores.commands,
          settings: tx.stores.settings,
          events: new ActivityLog(
            tx.stores.events,
            options.auditor,
            tx.afterCommit,
          ),
          queue: tx.queue,
          outbound: tx.outbound,
        }),
      ),
  });
  const renewal = new IdentityRenewal({
    devices: stores.devices,
    profiles: shared.profiles,
    queue: commandQueue,
    settings: stores.settings,
    events: shared.activity,
    organization: settings.organization,
    renewalDays: settings.mdm.renewalDays,
    logger,
  });
  return { push, commandQueue, agent, mdm, renewal };
}
