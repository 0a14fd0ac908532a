// Starts the demo backend for a benchmark: a child process (backendChild.ts)
// on a fresh PostgreSQL database, with the APNs stand-in the e2e tests use,
// and removes both afterwards.
import { ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import knexFactory, { Knex } from 'knex';
import {
  dropDatabasesWithPrefix,
  freePort,
  startApnsStandIn,
} from '@internal/test-harness';
import type { BackendWindow } from './backendChild';
import { onCleanup } from './cleanup';
import { httpRequest } from './http';

const PG = process.env.BENCH_POSTGRES ?? 'postgresql://postgres@127.0.0.1:5432';
const ROOT = resolve(__dirname, '../../..');

export interface BenchBackend {
  /** `{base}`: http://127.0.0.1:PORT/api/enrollment */
  base: string;
  /** The enrollment plugin's own database, for minting SCEP challenges like the tests do. */
  db: Knex;
  /** `Authorization` header value for the admin API (a static external-access token). */
  adminAuthorization: string;
  /** Starts a measuring window in the backend process. */
  reset(): Promise<void>;
  /** The window's event-loop delay and CPU time. */
  read(): Promise<BackendWindow>;
  /** The end of the backend's log, for errors. */
  output(): string;
  stop(): Promise<void>;
}

/** `enrollment` is merged into the plugin's config (e.g. portal accounts). */
export async function startBenchBackend(
  enrollment: Record<string, unknown> = {},
): Promise<BenchBackend> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'enrollment-bench-'));
  // Every plugin database of this run starts with the prefix, so cleanup finds them all.
  const prefix = `enrollment_bench_${Date.now()}_`;
  const apns = await startApnsStandIn();
  let output = '';
  const db = knexFactory({
    client: 'pg',
    connection: `${PG}/${prefix}enrollment`,
    pool: { min: 0, max: 4 },
  });
  const adminToken = randomBytes(24).toString('base64url');
  const config = join(dir, 'bench-config.yaml');
  // YAML is a superset of JSON.
  writeFileSync(
    config,
    JSON.stringify({
      backend: {
        baseUrl: `http://127.0.0.1:${port}`,
        listen: { port, host: '127.0.0.1' },
        database: { client: 'pg', connection: PG, prefix },
        auth: {
          externalAccess: [
            {
              type: 'static',
              options: { token: adminToken, subject: 'bench' },
            },
          ],
        },
      },
      enrollment: {
        ...apns.enrollmentConfig(),
        allowInsecureUrls: true,
        outbox: { directory: join(dir, 'outbox') },
        ...enrollment,
      },
    }),
  );
  const child: ChildProcess = fork(
    join(__dirname, 'backendChild.ts'),
    ['--config', join(ROOT, 'app-config.yaml'), '--config', config],
    {
      cwd: ROOT,
      execArgv: [
        '--require',
        require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
        // BENCH_CPU_PROF_DIR=dir: a V8 CPU profile of the backend, for perf work.
        ...(process.env.BENCH_CPU_PROF_DIR
          ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`]
          : []),
      ],
      env: { ...process.env, BENCH_EVENT_LOOP: '1', NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  const stop = onCleanup(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise(r => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await db.destroy();
    await apns.stop();
    await dropDatabasesWithPrefix(PG, prefix);
    rmSync(dir, { recursive: true, force: true });
  });
  // The backend logs every request, as in production; kept only for errors.
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);

  const base = `http://127.0.0.1:${port}/api/enrollment`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The backend exited while starting:\n${output}`);
    }
    // The short link is registered last in the plugin's init (as e2e waits).
    const up = await httpRequest(`http://127.0.0.1:${port}/enroll`).catch(
      () => undefined,
    );
    if (up?.status === 302) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The backend did not start in 180 s:\n${output}`);
    }
    await new Promise(r => setTimeout(r, 300));
  }

  const ask = <T>(type: 'reset' | 'read') =>
    new Promise<T>((resolveAnswer, reject) => {
      const onMessage = (message: { type: string; window?: BackendWindow }) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        resolveAnswer(message.window as T);
      };
      child.on('message', onMessage);
      child.send({ type }, error => error && reject(error));
    });

  return {
    base,
    db,
    adminAuthorization: `Bearer ${adminToken}`,
    reset: () => ask<void>('reset'),
    read: () => ask<BackendWindow>('read'),
    output: () => output,
    stop,
  };
}
