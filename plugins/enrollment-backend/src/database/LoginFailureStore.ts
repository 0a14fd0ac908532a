/**
 * Throttling policy: at most `maxFailures` password checks per key within
 * `windowMs`; the attempt that reaches the limit locks the key for
 * `lockMs`, and only a successful login ends the lock early.
 */
export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** Whether a password may be checked for a key now. */
export type AttemptReservation =
  | { admitted: true }
  | { admitted: false; retryAt: Date };

/**
 * Portal login attempts per key ('user:…', 'dn:…', 'ip:…'), shared by all
 * replicas, under one ThrottlePolicy. An attempt is reserved before its
 * password is checked, so a burst of concurrent tries gets no more checks
 * than the policy allows.
 */
export interface LoginFailureStore {
  /**
   * Counts one attempt for `key` and says whether it is within the limit.
   * Concurrent callers (and replicas) each see their own count.
   */
  reserve(key: string, now: Date): Promise<AttemptReservation>;
  /** A successful login: these keys start over. */
  clear(keys: string[]): Promise<void>;
  /**
   * Gives back the attempt of a successful login, for keys that many people
   * share (an office's address), where clearing would also forgive the
   * failures of others.
   */
  release(key: string): Promise<void>;
  /** Forgets keys whose window and lock have both passed; run by a scheduled task. Returns how many. */
  deleteExpired(now: Date): Promise<number>;
}
