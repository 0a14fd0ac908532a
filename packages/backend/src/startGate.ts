import {
  coreServices,
  createServiceFactory,
  createServiceRef,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { Client, ClientConfig } from 'pg';

/** How often a waiting replica asks again, and how long it waits at most. */
const POLL_MS = 250;
const DEFAULT_WAIT_MS = 5 * 60_000;

/**
 * A held gate: `release` lets the next replica start. A process that dies
 * holding it releases it too, because PostgreSQL drops a session's advisory
 * locks with the session.
 */
export interface StartGate {
  release(): Promise<void>;
}

/**
 * Waits until no other replica of this Backstage (same PostgreSQL server,
 * same database prefix) is starting, then holds a session-level advisory
 * lock until released. Backstage's plugins and core services each run knex
 * migrations that race on an empty database (knex creates its bookkeeping
 * tables before it takes its lock, and two replicas can both insert the lock
 * row, after which nobody can ever take it): with one start at a time they
 * never meet.
 */
export async function holdStartGate(options: {
  connection: ClientConfig;
  key: string;
  logger: LoggerService;
  waitMs?: number;
}): Promise<StartGate> {
  const { logger } = options;
  const client = new Client(options.connection);
  // A server that goes away mid-start ends the session, which frees the lock.
  client.on('error', error =>
    logger.warn(`The start gate's database session ended: ${error}`),
  );
  try {
    await client.connect();
    if (await takeLock(client, options)) return sessionGate(client);
    logger.warn(
      'Another replica has been starting for too long; starting anyway',
    );
  } catch (error) {
    // The gate only orders starts; a connection it cannot make (a cloud SQL
    // connector config, say) must not stop the backend from starting.
    logger.warn(
      `The start gate could not use PostgreSQL (${error}); starting without it`,
    );
  }
  await client.end().catch(() => {});
  return { release: async () => {} };
}

/** Polls for the lock until it is ours (true) or the wait is over. */
async function takeLock(
  client: Client,
  options: { key: string; logger: LoggerService; waitMs?: number },
): Promise<boolean> {
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
  let waited = false;
  for (;;) {
    const { rows } = await client.query(
      'SELECT pg_try_advisory_lock(hashtext($1)) AS held',
      [options.key],
    );
    if (rows[0].held) return true;
    if (!waited) {
      options.logger.info(
        'Another replica is starting; this one starts after it',
      );
      waited = true;
    }
    if (Date.now() > deadline) return false;
    await new Promise(resolve => setTimeout(resolve, POLL_MS));
  }
}

function sessionGate(client: Client): StartGate {
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      // Ending the session drops the lock; no unlock statement to fail.
      await client.end().catch(() => {});
    },
  };
}

/**
 * The PostgreSQL session the gate uses, from `backend.database`: the same
 * server and credentials the plugins use. Undefined for anything but
 * PostgreSQL (SQLite is one process).
 */
export function startGateConnection(
  config: Config,
): { connection: ClientConfig; key: string } | undefined {
  const database = config.getOptionalConfig('backend.database');
  if (database?.getOptionalString('client') !== 'pg') return undefined;
  const raw = database.get('connection') as string | Record<string, unknown>;
  const connection: ClientConfig =
    typeof raw === 'string'
      ? { connectionString: raw }
      : (raw as unknown as ClientConfig);
  const prefix = database.getOptionalString('prefix') ?? 'backstage_plugin_';
  return { connection, key: `backstage-start:${prefix}` };
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
 * A failed start exits the process, which ends the session and the lock.
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
