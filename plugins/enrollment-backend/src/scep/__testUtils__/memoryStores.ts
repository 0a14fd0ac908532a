import { randomBytes } from 'node:crypto';
import { ScepChallengeStore } from '../../database/ScepChallengeStore';
import { IssuedCertificateRecorder } from '../ScepService';

type Recorded = Parameters<IssuedCertificateRecorder['record']>[0];

/** Challenges in a Map, with an expiry, consumed on redeem. */
export class MemoryChallengeStore
  implements Pick<ScepChallengeStore, 'redeem'>
{
  private readonly challenges = new Map<
    string,
    { enrollmentId: string; expiresAt: number }
  >();

  mint(enrollmentId: string, ttlMs: number, now = new Date()): string {
    const challenge = randomBytes(18).toString('base64url');
    this.challenges.set(challenge, {
      enrollmentId,
      expiresAt: now.getTime() + ttlMs,
    });
    return challenge;
  }

  async redeem(challenge: string, now: Date) {
    const entry = this.challenges.get(challenge);
    // Deleted before the check: an expired challenge is gone for good too.
    this.challenges.delete(challenge);
    if (!entry || entry.expiresAt <= now.getTime()) return undefined;
    return { enrollmentId: entry.enrollmentId };
  }
}

export class MemoryRecorder implements IssuedCertificateRecorder {
  readonly records: Recorded[] = [];

  async record(cert: Recorded) {
    this.records.push(cert);
  }
}
