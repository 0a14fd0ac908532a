import { LoggerService } from '@backstage/backend-plugin-api';
import { CertificateStore } from '../database/CertificateStore';
import { CommandStore } from '../database/CommandStore';
import { DeviceStore } from '../database/DeviceStore';
import { EnrollmentStore } from '../database/EnrollmentStore';
import { EventRecorder } from '../database/EventStore';
import { InvitationStore } from '../database/InvitationStore';
import { PortalAccountStore } from '../database/PortalAccountStore';
import { SettingsStore } from '../database/SettingsStore';
import { SiteStore } from '../database/SiteStore';
import { LdapDirectory } from '../ldap';
import { SecretSealer } from '../pki/SecretSealer';
import { OutboundEvents } from '../outbound/OutboundEvents';
import { CommandQueue } from './CommandQueue';

/** What MdmService and its check-in handlers work with. */
export interface MdmServiceDeps {
  devices: DeviceStore;
  certificates: CertificateStore;
  enrollments: EnrollmentStore;
  /**
   * Counts a Mac that checked in as a use of its invitation, and tells
   * what the invitation asks of a Mac (serial allowlist, device rules).
   */
  invitations: Pick<InvitationStore, 'recordUse' | 'admission'>;
  /** The device rules of the enrollment's site. */
  sites: Pick<SiteStore, 'get'>;
  commands: CommandStore;
  /** Queues commands and pushes so the Mac comes to fetch them. */
  queue: CommandQueue;
  events: EventRecorder;
  settings: SettingsStore;
  /** Who holds the privilege of re-enrolling any Mac. */
  portalAccounts: Pick<PortalAccountStore, 'mayReenrollAnyMac'>;
  /**
   * The directory, to read a person's groups when a group grants them
   * re-enrolling any Mac; absent without LDAP.
   */
  directory?: Pick<LdapDirectory, 'getUser'>;
  sealer: SecretSealer;
  /** The APNs topic profiles carry; a check-in with another is refused. */
  topic: () => Promise<string | undefined>;
  /** InstallEnterpriseApplication for the management agent, when one is set. */
  agentCommand: () => Promise<
    ({ RequestType: string } & Record<string, unknown>) | undefined
  >;
  /** Events for other systems (events service, notifications, webhook). */
  outbound?: OutboundEvents;
  logger: LoggerService;
  clock?: () => Date;
  /**
   * Runs `fn` with these deps on one database transaction, the pushes it
   * asks for sent after the commit; without it, `fn` runs on these deps.
   */
  atomically?: <T>(fn: (tx: MdmServiceDeps) => Promise<T>) => Promise<T>;
}
