import { DatabaseService } from '@backstage/backend-plugin-api';
import { DatabaseAgentPackageStore } from './AgentPackageStore';
import { DatabaseCaStore } from './CaStore';
import { CertificateStore } from './CertificateStore';
import { CommandStore } from './CommandStore';
import { ComputerStore } from './ComputerStore';
import { DatabaseInvitationStore } from './DatabaseInvitationStore';
import { DeliveryStore } from './DeliveryStore';
import { DeviceStore } from './DeviceStore';
import { EnrollmentStore } from './EnrollmentStore';
import { EventStore } from './EventStore';
import { LoginFailureStore } from './LoginFailureStore';
import { applyMigrations } from './migrations';
import { PortalAccountStore } from './PortalAccountStore';
import { PortalSessionStore } from './PortalSessionStore';
import { DatabasePushCertificateStore } from './PushCertificateStore';
import { DatabasePushQueueStore } from './PushQueueStore';
import { DatabaseScepChallengeStore } from './ScepChallengeStore';
import { SettingsStore } from './SettingsStore';
import { DatabaseSiteStore } from './SiteStore';

const FIFTEEN_MINUTES = 15 * 60_000;

/**
 * Every store of the plugin on its one database, after its migrations ran.
 * Nothing outside database/ sees Knex.
 */
export async function createEnrollmentStores(database: DatabaseService) {
  const db = await applyMigrations(database);
  return {
    ca: new DatabaseCaStore(db),
    sites: new DatabaseSiteStore(db),
    settings: new SettingsStore(db),
    invitations: new DatabaseInvitationStore(db),
    deliveries: new DeliveryStore(db),
    computers: new ComputerStore(db),
    events: new EventStore(db),
    accounts: new PortalAccountStore(db),
    sessions: new PortalSessionStore(db),
    enrollments: new EnrollmentStore(db),
    challenges: new DatabaseScepChallengeStore(db),
    certificates: new CertificateStore(db),
    pushCertificates: new DatabasePushCertificateStore(db),
    pushQueue: new DatabasePushQueueStore(db),
    devices: new DeviceStore(db),
    commands: new CommandStore(db),
    agentPackages: new DatabaseAgentPackageStore(db),
    // Portal logins (SECURITY.md): 5 per person and 30 per address in 15
    // minutes, then 15 minutes locked.
    loginAttempts: {
      user: new LoginFailureStore(db, {
        maxFailures: 5,
        windowMs: FIFTEEN_MINUTES,
        lockMs: FIFTEEN_MINUTES,
      }),
      address: new LoginFailureStore(db, {
        maxFailures: 30,
        windowMs: FIFTEEN_MINUTES,
        lockMs: FIFTEEN_MINUTES,
      }),
    },
  };
}

export type EnrollmentStores = Awaited<
  ReturnType<typeof createEnrollmentStores>
>;
