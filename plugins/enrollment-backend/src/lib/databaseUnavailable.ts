import { isError } from '@backstage/errors';

// PostgreSQL's "connection exception" (08…) and "operator intervention"
// (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now)
// classes, and too many connections: the server, not the query, failed.
const POSTGRES_CODES = /^(08\d{3}|57P0[123]|53300)$/;
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  // SQLite: another connection holds the write lock past the busy timeout.
  'SQLITE_BUSY',
]);
// node-postgres says these in words, without a code.
const LOST_CONNECTION =
  /Connection terminated|connection error and is not queryable|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * Whether `error` means the database cannot be reached now (restarting,
 * down, out of connections) rather than that a query was wrong: such a
 * request answers 503, "try again", and changed nothing (its transaction
 * was rolled back with the connection).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!isError(error)) return false;
  if (error.name === 'KnexTimeoutError') return true;
  const { code } = error as { code?: unknown };
  if (typeof code === 'string') {
    if (POSTGRES_CODES.test(code) || SOCKET_CODES.has(code)) return true;
  }
  return LOST_CONNECTION.test(error.message);
}
