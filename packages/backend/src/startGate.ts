import {
  coreServices,
  createServiceFactory,
  createServiceRef,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { Client, ClientConfig } from 'pg';

/** How often a waiting replica asks again. */
const POLL_MS = 250;
/** How long a replica waits for another's start at most. */
const DEFAULT_WAIT_MS = 5 * 60_000;
/** How long a replica holds the gate at most: a start that hangs lets go. */
const DEFAULT_MAX_HOLD_MS = 10 * 60_000;
/**
 * A session that can neither hang a start (a host that drops packets, a
 * proxy that never answers) nor linger unnoticed; the config may override.
 */
const SESSION_DEFAULTS: ClientConfig = {
  connectionTimeoutMillis: 10_000,
  query_timeout: 10_000,
  keepAlive: true,
  application_name: 'backstage-start-gate',
};
/** Where to look for the replica holding the gate, for the operator. */
const WHO_HOLDS_IT =
  "SELECT pid, application_name, client_addr, backend_start FROM pg_locks JOIN pg_stat_activity USING (pid) WHERE locktype = 'advisory' AND granted";

/**
 * The gate as one replica has it. `held` is false when this replica starts
 * without it (the wait was over, or PostgreSQL could not be reached).
 */
export interface StartGate {
  readonly held: boolean;
  /** Lets the next replica start. */
  release(): Promise<void>;
}

const NOT_HELD: StartGate = { held: false, release: async () => {} };

/**
 * Waits until no other replica of this Backstage (same PostgreSQL server,
 * same database prefix) is starting, then holds a session-level advisory
 * lock until released. Backstage's plugins and core services each run knex
 * migrations that race on an empty database (knex creates its bookkeeping
 * tables before it takes its lock, and two replicas can both insert the lock
 * row, after which nobody can ever take it): with one start at a time they
 * never meet. A process that dies holding the gate releases it, because
 * PostgreSQL drops a session's advisory locks with the session.
 */
export async function holdStartGate(options: {
  connection: ClientConfig;
  key: string;
  logger: LoggerService;
  waitMs?: number;
  maxHoldMs?: number;
}): Promise<StartGate> {
  const { key, logger } = options;
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  const deadline = Date.now() + waitMs;
  let announced = false;
  const onWait = () => {
    if (announced) return;
    announced = true;
    logger.info(
      `Another replica is starting; this one starts after it (start gate ${key})`,
    );
  };
  for (;;) {
    const client = await connect(options);
    if (!client) return NOT_HELD;
    try {
      if (await takeLock(client, key, deadline, onWait)) {
        logger.info(
          `Took the start gate ${key}: the next replica starts once this one has`,
        );
        return sessionGate(client, options);
      }
      await client.end().catch(() => {});
      logger.warn(
        `Another replica has held the start gate ${key} for over ${Math.round(
          waitMs / 1000,
        )} s; this replica starts anyway, maybe together with it. To see who holds it: ${WHO_HOLDS_IT}`,
      );
      return NOT_HELD;
    } catch (error) {
      // The session broke while waiting (a failover, an idle session ended
      // by the server): the other replica may still be starting, so wait on
      // a new session rather than start now.
      await client.end().catch(() => {});
      if (Date.now() > deadline) {
        logger.warn(
          `The start gate's session broke (${errorText(
            error,
          )}) and the wait is over; this replica starts without the gate`,
        );
        return NOT_HELD;
      }
      logger.warn(
        `The start gate's session broke while waiting (${errorText(
          error,
        )}); waiting on a new one`,
      );
      await new Promise(resolve => setTimeout(resolve, POLL_MS));
    }
  }
}

/** A connected session, or undefined (said in the log) when none can be had. */
async function connect(options: {
  connection: ClientConfig;
  logger: LoggerService;
}): Promise<Client | undefined> {
  const { logger } = options;
  let client: Client | undefined;
  try {
    client = new Client({ ...SESSION_DEFAULTS, ...options.connection });
    // A server that goes away ends the session, which frees the lock.
    client.on('error', error =>
      logger.warn(`The start gate's session ended: ${errorText(error)}`),
    );
    await client.connect();
    return client;
  } catch (error) {
    await client?.end().catch(() => {});
    // The gate only orders starts: a connection it cannot make (a cloud SQL
    // connector config, say) must not stop the backend from starting.
    logger.warn(
      `The start gate could not connect to PostgreSQL (${errorText(
        error,
      )}); this replica starts without it`,
    );
    return undefined;
  }
}

/** Polls for the lock until it is ours (true) or the wait is over. */
async function takeLock(
  client: Client,
  key: string,
  deadline: number,
  onWait: () => void,
): Promise<boolean> {
  for (;;) {
    const { rows } = await client.query(
      'SELECT pg_try_advisory_lock(hashtext($1)) AS held',
      [key],
    );
    if (rows[0].held) return true;
    onWait();
    if (Date.now() > deadline) return false;
    await new Promise(resolve => setTimeout(resolve, POLL_MS));
  }
}

function sessionGate(
  client: Client,
  options: { key: string; logger: LoggerService; maxHoldMs?: number },
): StartGate {
  const { key, logger } = options;
  const hold: { released: boolean; timer?: NodeJS.Timeout } = {
    released: false,
  };
  const release = async () => {
    if (hold.released) return;
    hold.released = true;
    clearTimeout(hold.timer);
    // Unlock before ending: a pooler between the backend and PostgreSQL
    // (PgBouncer in transaction mode) may keep the server session, and the
    // lock with it, after the client has gone.
    const unlocked = await client
      .query('SELECT pg_advisory_unlock(hashtext($1)) AS unlocked', [key])
      .then(({ rows }) => Boolean(rows[0].unlocked))
      // The session already ended, and its lock with it.
      .catch(() => true);
    if (!unlocked) {
      logger.warn(
        `The start gate ${key} was not held by its own session any more: is a transaction-mode pooler between the backend and PostgreSQL? The gate needs a direct or session-pooled connection`,
      );
    }
    await client.end().catch(() => {});
  };
  // A start that hangs without failing (the process stays up) must not
  // hold back every other replica for ever.
  hold.timer = setTimeout(() => {
    logger.warn(
      `This replica has been starting for too long; it lets the next one start (start gate ${key})`,
    );
    release();
  }, options.maxHoldMs ?? DEFAULT_MAX_HOLD_MS);
  hold.timer.unref();
  return { held: true, release };
}

/** An error's own words, including each of an AggregateError's. */
function errorText(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map(errorText).join('; ');
  }
  const { message, code } = (error ?? {}) as {
    message?: string;
    code?: string;
  };
  if (!message) return String(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

/**
 * The PostgreSQL session the gate uses, from `backend.database`: the same
 * server and credentials the plugins use, in the configured database or
 * else `postgres` (as Backstage's own administrative connection does; a
 * database named after the user often does not exist). Undefined for
 * anything but PostgreSQL (SQLite is one process).
 */
export function startGateConnection(
  config: Config,
): { connection: ClientConfig; key: string } | undefined {
  const database = config.getOptionalConfig('backend.database');
  if (database?.getOptionalString('client') !== 'pg') return undefined;
  const raw = database.get('connection') as string | Record<string, unknown>;
  const connection: ClientConfig =
    typeof raw === 'string'
      ? { connectionString: withDatabase(raw) }
      : { database: 'postgres', ...(raw as ClientConfig) };
  const prefix = database.getOptionalString('prefix') ?? 'backstage_plugin_';
  return { connection, key: `backstage-start:${prefix}` };
}

/** A connection URL naming no database gets `postgres`. */
function withDatabase(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.pathname === '' || url.pathname === '/') {
      url.pathname = '/postgres';
      return url.toString();
    }
  } catch {
    // Not a URL (key=value form): pg reads it as it is.
  }
  return connectionString;
}

/** @internal */
export const startGateServiceRef = createServiceRef<void>({
  id: 'macenroll.start-gate',
  scope: 'root',
});

/**
 * A root service that every replica creates before any plugin starts (root
 * services are created eagerly) and that lets the next replica start once
 * this backend has started (the root startup hooks run after every plugin).
 * The backend must exit when its start fails (`backend.start().catch(() =>
 * process.exit(1))`): a process that stays up half-started holds the gate
 * until its hold time is over.
 */
export const startGateServiceFactory = createServiceFactory({
  service: startGateServiceRef,
  deps: {
    config: coreServices.rootConfig,
    logger: coreServices.rootLogger,
    lifecycle: coreServices.rootLifecycle,
  },
  async factory({ config, logger, lifecycle }) {
    const target = startGateConnection(config);
    if (!target) return;
    const gate = await holdStartGate({ ...target, logger });
    lifecycle.addStartupHook(() => gate.release());
  },
});
