import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { AgentPackageStore } from './AgentPackageStore';
import { CaStore } from './CaStore';
import { CertificateStore } from './CertificateStore';
import { CommandStore } from './CommandStore';
import { ComputerStore } from './ComputerStore';
import { DatabaseAgentPackageStore } from './DatabaseAgentPackageStore';
import { DatabaseCaStore } from './DatabaseCaStore';
import { DatabaseCertificateStore } from './DatabaseCertificateStore';
import { DatabaseCommandStore } from './DatabaseCommandStore';
import { DatabaseComputerStore } from './DatabaseComputerStore';
import { DatabaseDeliveryStore } from './DatabaseDeliveryStore';
import { DatabaseDeviceStore } from './DatabaseDeviceStore';
import { DatabaseEnrollmentStore } from './DatabaseEnrollmentStore';
import { DatabaseEventStore } from './DatabaseEventStore';
import { DatabaseInvitationStore } from './DatabaseInvitationStore';
import { DatabaseLoginFailureStore } from './DatabaseLoginFailureStore';
import { DatabaseOutboundEventStore } from './DatabaseOutboundEventStore';
import { DatabasePortalAccountStore } from './DatabasePortalAccountStore';
import { DatabasePortalSessionStore } from './DatabasePortalSessionStore';
import { DatabaseProfileSigningStore } from './DatabaseProfileSigningStore';
import { DatabasePushCertificateStore } from './DatabasePushCertificateStore';
import { DatabasePushQueueStore } from './DatabasePushQueueStore';
import { DatabaseScepChallengeStore } from './DatabaseScepChallengeStore';
import { DatabaseSettingsStore } from './DatabaseSettingsStore';
import { DatabaseSiteStore } from './DatabaseSiteStore';
import { DeliveryStore } from './DeliveryStore';
import { DeviceStore } from './DeviceStore';
import { EnrollmentStore } from './EnrollmentStore';
import { EventStore } from './EventStore';
import { InvitationStore } from './InvitationStore';
import { LoginFailureStore } from './LoginFailureStore';
import { applyMigrations } from './migrations';
import { OutboundEventStore } from './OutboundEventStore';
import { PortalAccountStore } from './PortalAccountStore';
import { PortalSessionStore } from './PortalSessionStore';
import { ProfileSigningStore } from './ProfileSigningStore';
import { PushCertificateStore } from './PushCertificateStore';
import { PushQueueStore } from './PushQueueStore';
import { ScepChallengeStore } from './ScepChallengeStore';
import { SettingsStore } from './SettingsStore';
import { SiteStore } from './SiteStore';

const FIFTEEN_MINUTES = 15 * 60_000;

/** Every store of the plugin, as the rest of it sees them: interfaces only. */
export interface EnrollmentStores {
  ca: CaStore;
  sites: SiteStore;
  settings: SettingsStore;
  invitations: InvitationStore;
  deliveries: DeliveryStore;
  computers: ComputerStore;
  events: EventStore;
  accounts: PortalAccountStore;
  sessions: PortalSessionStore;
  enrollments: EnrollmentStore;
  challenges: ScepChallengeStore;
  certificates: CertificateStore;
  pushCertificates: PushCertificateStore;
  profileSigning: ProfileSigningStore;
  pushQueue: PushQueueStore;
  devices: DeviceStore;
  commands: CommandStore;
  agentPackages: AgentPackageStore;
  /** Events waiting for the events service and the webhook. */
  outbound: OutboundEventStore;
  loginAttempts: { user: LoginFailureStore; address: LoginFailureStore };
  /**
   * Runs `fn` with every store on one database transaction: all of its
   * writes land, or none does (a database that dies midway leaves nothing
   * half-written for the retry to trip over).
   */
  transaction<T>(fn: (stores: EnrollmentStores) => Promise<T>): Promise<T>;
}

/**
 * Every store of the plugin on its one database, after its migrations ran.
 * Nothing outside database/ sees Knex.
 */
export async function createEnrollmentStores(
  database: DatabaseService,
): Promise<EnrollmentStores> {
  return storesOn(await applyMigrations(database));
}

function storesOn(db: Knex): EnrollmentStores {
  return {
    ca: new DatabaseCaStore(db),
    sites: new DatabaseSiteStore(db),
    settings: new DatabaseSettingsStore(db),
    invitations: new DatabaseInvitationStore(db),
    deliveries: new DatabaseDeliveryStore(db),
    computers: new DatabaseComputerStore(db),
    events: new DatabaseEventStore(db),
    accounts: new DatabasePortalAccountStore(db),
    sessions: new DatabasePortalSessionStore(db),
    enrollments: new DatabaseEnrollmentStore(db),
    challenges: new DatabaseScepChallengeStore(db),
    certificates: new DatabaseCertificateStore(db),
    pushCertificates: new DatabasePushCertificateStore(db),
    profileSigning: new DatabaseProfileSigningStore(db),
    pushQueue: new DatabasePushQueueStore(db),
    devices: new DatabaseDeviceStore(db),
    commands: new DatabaseCommandStore(db),
    agentPackages: new DatabaseAgentPackageStore(db),
    outbound: new DatabaseOutboundEventStore(db),
    // Portal logins (SECURITY.md): 5 per person and 30 per address in 15
    // minutes, then 15 minutes locked.
    loginAttempts: {
      user: new DatabaseLoginFailureStore(db, {
        maxFailures: 5,
        windowMs: FIFTEEN_MINUTES,
        lockMs: FIFTEEN_MINUTES,
      }),
      address: new DatabaseLoginFailureStore(db, {
        maxFailures: 30,
        windowMs: FIFTEEN_MINUTES,
        lockMs: FIFTEEN_MINUTES,
      }),
    },
    transaction: fn => db.transaction(trx => fn(storesOn(trx))),
  };
}
