import { LoggerService } from '@backstage/backend-plugin-api';
import { DeviceStore } from '../database/DeviceStore';
import { EventRecorder } from '../database/EventStore';
import { SettingsStore } from '../database/SettingsStore';
import { CommandQueue } from './CommandQueue';
import { EnrollmentProfileService } from './EnrollmentProfileService';

/** A renewal profile's challenge works this long: the Mac may be asleep or away. */
const RENEWAL_CHALLENGE_TTL_MS = 7 * 86_400_000;
const BATCH = 200;

/**
 * Renews device identities before they expire, as Fleet does: the Mac gets
 * InstallProfile with a fresh signed enrollment profile (same identifiers,
 * so it replaces the installed one) whose single-use SCEP challenge issues
 * an identity that belongs to this Mac. When the Mac first signs with it,
 * MdmService adopts it and revokes the old one. Not adopted within the
 * challenge's lifetime, the renewal is asked for again.
 */
export class IdentityRenewal {
  constructor(
    private readonly deps: {
      devices: DeviceStore;
      profiles: EnrollmentProfileService;
      queue: CommandQueue;
      settings: SettingsStore;
      events: EventRecorder;
      organization: string;
      renewalDays: number;
      logger: LoggerService;
      clock?: () => Date;
    },
  ) {}

  async runOnce(): Promise<number> {
    const { devices, profiles, queue, events, logger } = this.deps;
    const now = this.deps.clock?.() ?? new Date();
    if (await profiles.problem()) return 0;
    const due = await devices.dueForRenewal({
      expiresBefore: new Date(
        now.getTime() + this.deps.renewalDays * 86_400_000,
      ),
      requestedBefore: new Date(now.getTime() - RENEWAL_CHALLENGE_TTL_MS),
      limit: BATCH,
    });
    const settings = await this.deps.settings.get();
    let renewed = 0;
    for (const device of due) {
      if (!device.enrollmentId) continue;
      try {
        const profile = await profiles.signedProfile(
          {
            id: device.enrollmentId,
            user: { username: device.username, realName: device.realName },
          },
          {
            organization: settings.organizationName || this.deps.organization,
            computerId: device.id,
            challengeTtlMs: RENEWAL_CHALLENGE_TTL_MS,
          },
        );
        await queue.queue(
          device.id,
          [{ RequestType: 'InstallProfile', Payload: profile }],
          now,
        );
        await devices.markRenewalRequested(device.id, now);
        await events.record({
          type: 'mdm.identity-renewal',
          computerId: device.id,
          message: `Sent a renewed enrollment profile: the device identity expires on ${device.notAfter.toISOString()}`,
          data: { notAfter: device.notAfter.toISOString() },
        });
        renewed++;
      } catch (error) {
        logger.error(
          `Could not renew the identity of computer ${device.id}: ${
            (error as Error).message
          }`,
        );
      }
    }
    return renewed;
  }
}
