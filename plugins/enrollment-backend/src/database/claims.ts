/**
 * Which due work a worker takes and for how long: until `now + leaseMs` no
 * other worker gets it, and after that a worker that died holding it no
 * longer blocks it.
 */
export interface ClaimDueOptions {
  now: Date;
  /** At most this many at once. */
  limit: number;
  leaseMs: number;
  /** Names this worker's claim; an outcome is stored only while it holds. */
  claimId: string;
}
