import { ClaimDueOptions } from './claims';

/** A pending push a worker holds for the length of its lease. */
export interface ClaimedPush {
  computerId: string;
  claimId: string;
  /** The requests the push answers; more that arrive meanwhile get a push of their own. */
  requests: number;
  /** Failed attempts so far, for the backoff. */
  attempts: number;
}

/** The pending APNs pushes, one per computer. */
export interface PushQueueStore {
  /**
   * Asks for a push to the computer at `dueAt` or later; while one is
   * pending, the request joins it (coalescing).
   */
  request(computerId: string, dueAt: Date, now: Date): Promise<void>;
  /** Takes up to `limit` due pushes for `leaseMs`; no two workers hold one. */
  claimDue(options: ClaimDueOptions): Promise<ClaimedPush[]>;
  /**
   * The push went out (or will never be possible): done, unless requests
   * came in while it was in flight, which then wait for `againAt`.
   */
  finish(claim: ClaimedPush, againAt: Date): Promise<void>;
  /** The push failed for now: try again at `dueAt`. */
  retry(claim: ClaimedPush, dueAt: Date, error: string): Promise<void>;
  /** How many pushes are pending (for tests and benchmarks). */
  count(): Promise<number>;
}
