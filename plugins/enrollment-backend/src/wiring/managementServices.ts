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
import { EnrollmentStores } from '../database/createEnrollmentStores';
import { OutboundEvents } from '../outbound/OutboundEvents';

/** What manages an enrolled Mac: pushes, commands, check-in and renewal. */
export function createManagementServices(
  options: EnrollmentServiceOptions,
  shared: SharedServices & {
    pushCertificates: PushCertificates;
    topic: () => Promise<string | undefined>;
    profiles: EnrollmentProfileService;
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
    sealer: new SecretSealer(ca.privateKey, SecretSealer.BOOTSTRAP_TOKENS),
    topic: shared.topic,
    agentCommand,
    outbound: shared.outbound,
    logger,
  };
  const mdm = new MdmService({
    ...mdmDeps,
    atomically: fn =>
      atomicallyWithPushes(stores, commandQueue, shared.outbound, tx =>
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

/**
 * Runs `fn` on one transaction of every store. What reaches outside the
 * database waits for the commit: the pushes it asks for (a Mac woken before
 * it would fetch commands not yet there), the events it queues for other
 * systems, and its audit lines; after a rollback none of them happens.
 */
async function atomicallyWithPushes<T>(
  stores: EnrollmentStores,
  commandQueue: CommandQueue,
  outbound: OutboundEvents,
  fn: (tx: {
    stores: EnrollmentStores;
    queue: CommandQueue;
    outbound: OutboundEvents;
    afterCommit: (work: () => Promise<void>) => void;
  }) => Promise<T>,
): Promise<T> {
  const woken = new Set<string>();
  let eventsQueued = false;
  const afterCommit: Array<() => Promise<void>> = [];
  const result = await stores.transaction(txStores =>
    fn({
      stores: txStores,
      outbound: outbound.within(txStores, () => {
        eventsQueued = true;
      }),
      queue: new CommandQueue({
        commands: txStores.commands,
        push: {
          request: async computerId => {
            woken.add(computerId);
          },
        },
      }),
      afterCommit: work => afterCommit.push(work),
    }),
  );
  for (const work of afterCommit) await work();
  for (const computerId of woken) await commandQueue.wake(computerId);
  if (eventsQueued) outbound.announce();
  return result;
}
