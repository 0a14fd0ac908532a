import { randomBytes } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader, JsonObject } from '@backstage/config';
import { Client } from 'pg';
import { holdStartGate, startGateConnection } from './startGate';

const POSTGRES_ENV = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';
const POSTGRES =
  process.env[POSTGRES_ENV] ?? 'postgresql://postgres@127.0.0.1:5432';

/** A logger whose lines a test can wait for. */
function watchingLogger() {
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const log = (message: string) => {
    lines.push(message);
    for (const waiter of waiters) {
      if (waiter.pattern.test(message)) waiter.resolve();
    }
  };
  const logger: LoggerService = {
    error: log,
    warn: log,
    info: log,
    debug: log,
    child: () => logger,
  };
  /** Resolves once a line matching `pattern` was logged. */
  const said = (pattern: RegExp) =>
    lines.some(line => pattern.test(line))
      ? Promise.resolve()
      : new Promise<void>(resolve => waiters.push({ pattern, resolve }));
  return { logger, lines, said };
}

const WAITING = /this one starts after it/;

/** Ends the sessions of `applicationName`, as a killed process or a failover does. */
async function endSessionsOf(applicationName: string) {
  const admin = new Client({ connectionString: POSTGRES });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
       WHERE application_name = $1`,
      [applicationName],
    );
    return rows;
  } finally {
    await admin.end();
  }
}

describe('the start gate on PostgreSQL', () => {
  const key = `start-gate-test:${randomBytes(6).toString('hex')}`;
  const named = (applicationName: string) => ({
    connectionString: POSTGRES,
    application_name: `${applicationName}-${randomBytes(4).toString('hex')}`,
  });

  beforeAll(() => {
    if (process.env.CI && !process.env[POSTGRES_ENV]) {
      throw new Error(`CI is set but ${POSTGRES_ENV} is not`);
    }
  });

  /** A replica's gate, with the test's own defaults. */
  const hold = (options: Partial<Parameters<typeof holdStartGate>[0]> = {}) =>
    holdStartGate({
      connection: { connectionString: POSTGRES },
      key,
      logger: watchingLogger().logger,
      ...options,
    });

  /** A second replica at the gate: what it logs, and whether it got in. */
  function secondReplica(
    options: Partial<Parameters<typeof holdStartGate>[0]> = {},
  ) {
    const log = watchingLogger();
    const state = { held: false };
    const gate = hold({ logger: log.logger, ...options }).then(g => {
      state.held = true;
      return g;
    });
    return { ...log, state, gate };
  }

  it('lets a second replica start only once the first has started', async () => {
    const first = await hold();
    expect(first.held).toBe(true);
    const second = secondReplica();
    await second.said(WAITING);
    expect(second.state.held).toBe(false);
    await first.release();
    const taken = await second.gate;
    expect(taken.held).toBe(true);
    await taken.release();
  });

  it('is freed when the replica holding it dies mid-start', async () => {
    const holder = named('gate-holder');
    const first = await hold({ connection: holder });
    expect(first.held).toBe(true);
    const second = secondReplica();
    await second.said(WAITING);
    expect(await endSessionsOf(holder.application_name)).toEqual([
      { ended: true },
    ]);
    const taken = await second.gate;
    expect(taken.held).toBe(true);
    await taken.release();
    // Releasing a gate whose session is gone is no error.
    await first.release();
  });

  it('keeps waiting on a new session when its own breaks while the other replica still starts', async () => {
    const first = await hold();
    const waiter = named('gate-waiter');
    const second = secondReplica({ connection: waiter });
    await second.said(WAITING);
    await endSessionsOf(waiter.application_name);
    await second.said(/waiting on a new one/);
    expect(second.state.held).toBe(false);
    await first.release();
    const taken = await second.gate;
    expect(taken.held).toBe(true);
    await taken.release();
  });

  it('lets the next replica start when a start hangs past the hold time', async () => {
    const hung = watchingLogger();
    const first = await hold({ logger: hung.logger, maxHoldMs: 100 });
    const taken = await hold();
    expect(taken.held).toBe(true);
    expect(hung.lines.join('\n')).toMatch(/starting for too long/);
    await taken.release();
    await first.release();
  });

  it('starts anyway, saying who to look for, when the other replica takes too long', async () => {
    const first = await hold();
    const second = watchingLogger();
    const gate = await hold({ logger: second.logger, waitMs: 0 });
    expect(gate.held).toBe(false);
    expect(second.lines.join('\n')).toMatch(
      /held the start gate .* for over 0 s; this replica starts anyway.*pg_locks/,
    );
    await first.release();
  });

  it.each([
    [
      'it cannot reach PostgreSQL (a port nothing listens on)',
      { host: '127.0.0.1', port: 1, user: 'postgres' },
      /could not connect to PostgreSQL \(connect ECONNREFUSED 127\.0\.0\.1:1\); this replica starts without it/,
    ],
    [
      'pg cannot even read the connection settings',
      { connectionString: 'postgresql://127.0.0.1:notaport/x' },
      /could not connect to PostgreSQL \(.+\); this replica starts without it/,
    ],
  ])(
    'starts without the gate, saying why, when %s',
    async (_, connection, said) => {
      const { logger, lines } = watchingLogger();
      const gate = await hold({ connection, logger });
      expect(gate.held).toBe(false);
      expect(lines.join('\n')).toMatch(said);
    },
  );
});

describe('startGateConnection', () => {
  const target = (database: JsonObject) =>
    startGateConnection(new ConfigReader({ backend: { database } }));

  it('is off for SQLite, which is one process', () => {
    expect(
      target({ client: 'better-sqlite3', connection: ':memory:' }),
    ).toBeUndefined();
  });

  it('keys the gate by the database prefix, so two installs on one server do not wait for each other', () => {
    expect(target({ client: 'pg', connection: POSTGRES })?.key).toBe(
      'backstage-start:backstage_plugin_',
    );
    expect(
      target({ client: 'pg', connection: POSTGRES, prefix: 'other_' })?.key,
    ).toBe('backstage-start:other_');
  });

  it('connects to the configured database, else to postgres (a database named after the user may not exist)', () => {
    expect(
      target({
        client: 'pg',
        connection: 'postgresql://backstage:s3cret@db.example.com:5432',
      })?.connection,
    ).toEqual({
      connectionString:
        'postgresql://backstage:s3cret@db.example.com:5432/postgres',
    });
    expect(
      target({
        client: 'pg',
        connection: 'postgresql://backstage@db.example.com/backstage',
      })?.connection,
    ).toEqual({
      connectionString: 'postgresql://backstage@db.example.com/backstage',
    });
    expect(
      target({
        client: 'pg',
        connection: { host: 'db.example.com', user: 'backstage' },
      })?.connection,
    ).toEqual({
      database: 'postgres',
      host: 'db.example.com',
      user: 'backstage',
    });
    expect(
      target({
        client: 'pg',
        connection: { host: 'db.example.com', database: 'portal' },
      })?.connection,
    ).toEqual({ database: 'portal', host: 'db.example.com' });
  });
});
