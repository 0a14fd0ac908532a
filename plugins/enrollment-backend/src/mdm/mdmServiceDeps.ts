import { LoggerService } from '@backstage/backend-plugin-api';
import { CertificateStore } from '../database/CertificateStore';
import { CommandStore } from '../database/CommandStore';
import { DeviceStore } from '../database/DeviceStore';
import { EnrollmentStore } from '../database/EnrollmentStore';
import { EventRecorder } from '../database/EventStore';
import { InvitationStore } from '../database/InvitationStore';
import { SettingsStore } from '../database/SettingsStore';
import { SecretSealer } from '../pki/SecretSealer';
import { CommandQueue } from './CommandQueue';

/** What MdmService and its check-in handlers work with. */
export interface MdmServiceDeps {
  devices: DeviceStore;
  certificates: CertificateStore;
  enrollments: EnrollmentStore;
  /** Counts a Mac that checked in as a use of its invitation. */
  invitations: Pick<InvitationStore, 'recordUse'>;
  commands: CommandStore;
  /** Queues commands and pushes so the Mac comes to fetch them. */
  queue: CommandQueue;
  events: EventRecorder;
  settings: SettingsStore;
  sealer: SecretSealer;
  /** The APNs topic profiles carry; a check-in with another is refused. */
  topic: () => Promise<string | undefined>;
  /** InstallEnterpriseApplication for the management agent, when one is set. */
  agentCommand: () => Promise<
    ({ RequestType: string } & Record<string, unknown>) | undefined
  >;
  logger: LoggerService;
  clock?: () => Date;
  /**
   * Runs `fn` with these deps on one database transaction, the pushes it
   * asks for sent after the commit; without it, `fn` runs on these deps.
   */
  atomically?: <T>(fn: (tx: MdmServiceDeps) => Promise<T>) => Promise<T>;
}
