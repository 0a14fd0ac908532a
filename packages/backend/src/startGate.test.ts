import { randomBytes } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { Client } from 'pg';
import { holdStartGate, startGateConnection } from './startGate';

const POSTGRES_ENV = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';
const POSTGRES =
  process.env[POSTGRES_ENV] ?? 'postgresql://postgres@127.0.0.1:5432';

/** A logger that tells when a gate started waiting. */
function watchingLogger() {
  const lines: string[] = [];
  let onWait: () => void = () => {};
  const waiting = new Promise<void>(resolve => {
    onWait = resolve;
  });
  const log = (message: string) => {
    lines.push(message);
    if (/starts after it/.test(message)) onWait();
  };
  const logger: LoggerService = {
    error: log,
    warn: log,
    info: log,
    debug: log,
    child: () => logger,
  };
  return { logger, lines, waiting };
}

describe('the start gate on PostgreSQL', () => {
  const key = `start-gate-test:${randomBytes(6).toString('hex')}`;

  beforeAll(() => {
    if (process.env.CI && !process.env[POSTGRES_ENV]) {
      throw new Error(`CI is set but ${POSTGRES_ENV} is not`);
    }
  });

  it('lets a second replica start only once the first has started', async () => {
    const first = await holdStartGate({
      connection: { connectionString: POSTGRES },
      key,
      logger: watchingLogger().logger,
    });
    const second = watchingLogger();
    let secondHeld = false;
    const gate = holdStartGate({
      connection: { connectionString: POSTGRES },
      key,
      logger: second.logger,
    }).then(g => {
      secondHeld = true;
      return g;
    });
    await second.waiting;
    expect(secondHeld).toBe(false);
    await first.release();
    await (await gate).release();
    expect(secondHeld).toBe(true);
  });

  it('is freed when the replica holding it dies mid-start', async () => {
    const applicationName = `gate-${randomBytes(4).toString('hex')}`;
    await holdStartGate({
      connection: {
        connectionString: POSTGRES,
        application_name: applicationName,
      },
      key,
      logger: watchingLogger().logger,
    });
    const second = watchingLogger();
    const gate = holdStartGate({
      connection: { connectionString: POSTGRES },
      key,
      logger: second.logger,
    });
    await second.waiting;
    // What PostgreSQL sees when a process is killed: its session ends.
    const admin = new Client({ connectionString: POSTGRES });
    await admin.connect();
    try {
      const { rows } = await admin.query(
        `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
         WHERE application_name = $1`,
        [applicationName],
      );
      expect(rows).toEqual([{ ended: true }]);
    } finally {
      await admin.end();
    }
    await (await gate).release();
  });

  it('starts anyway, saying so, when the other replica takes too long', async () => {
    const first = await holdStartGate({
      connection: { connectionString: POSTGRES },
      key,
      logger: watchingLogger().logger,
    });
    const second = watchingLogger();
    const gate = await holdStartGate({
      connection: { connectionString: POSTGRES },
      key,
      logger: second.logger,
      waitMs: 0,
    });
    expect(second.lines.join('\n')).toMatch(/starting anyway/);
    await gate.release();
    await first.release();
  });

  it('starts without the gate, saying so, when it cannot reach PostgreSQL', async () => {
    const { logger, lines } = watchingLogger();
    // A port nothing listens on: the connection is refused at once.
    const gate = await holdStartGate({
      connection: { host: '127.0.0.1', port: 1, user: 'postgres' },
      key,
      logger,
    });
    await gate.release();
    expect(lines.join('\n')).toMatch(
      /could not use PostgreSQL \(Error: connect ECONNREFUSED 127\.0\.0\.1:1\); starting without it/,
    );
  });
});

describe('startGateConnection', () => {
  it('is off for SQLite, which is one process', () => {
    expect(
      startGateConnection(
        new ConfigReader({
          backend: {
            database: { client: 'better-sqlite3', connection: ':memory:' },
          },
        }),
      ),
    ).toBeUndefined();
  });

  it('keys the gate by the database prefix, so two installs on one server do not wait for each other', () => {
    const target = (prefix?: string) =>
      startGateConnection(
        new ConfigReader({
          backend: {
            database: { client: 'pg', connection: POSTGRES, prefix },
          },
        }),
      );
    expect(target()).toEqual({
      connection: { connectionString: POSTGRES },
      key: 'backstage-start:backstage_plugin_',
    });
    expect(target('other_')?.key).toBe('backstage-start:other_');
  });
});
