import { ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from '@internal/test-harness';

export const ROOT = findRepoRoot(process.cwd());

/** One process of the real demo backend (`packages/backend/src/index.ts`). */
export interface Replica {
  name: string;
  /** Where this process listens: http://127.0.0.1:PORT */
  url: string;
  port: number;
  pid: number;
  /** Resolves once `<url>/enroll` answers 302: every plugin is up. */
  ready(timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string>;
  /** The end of its log. */
  output(): string;
  /** A fault: the process dies at once, mid-work, as on an OOM kill. */
  kill(): Promise<void>;
  /** A graceful stop (SIGTERM), SIGKILL after 15 s. */
  stop(): Promise<void>;
}

/**
 * Starts the demo backend as its own process, the way a container runs it:
 * app-config.yaml plus `config` (merged over it), no file watcher.
 */
export function startReplica(options: {
  name: string;
  port: number;
  config: Record<string, unknown>;
}): Replica {
  const { name, port } = options;
  const dir = mkdtempSync(join(tmpdir(), `replica-${name}-`));
  const configFile = join(dir, 'replica-config.yaml');
  // YAML is a superset of JSON.
  writeFileSync(configFile, JSON.stringify(options.config));
  let output = '';
  const child: ChildProcess = fork(
    join(ROOT, 'packages/backend/src/index.ts'),
    ['--config', join(ROOT, 'app-config.yaml'), '--config', configFile],
    {
      cwd: join(ROOT, 'packages/backend'),
      execArgv: [
        '--require',
        require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      ],
      // Jest's NODE_ENV=test would switch Backstage into its test behaviour.
      env: { ...process.env, NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-400_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | string>(done =>
    child.once('exit', (code, signal) => {
      rmSync(dir, { recursive: true, force: true });
      done(code ?? signal ?? 'unknown');
    }),
  );
  const alive = () => child.exitCode === null && child.signalCode === null;
  const errors = () => errorLines(output);
  const url = `http://127.0.0.1:${port}`;

  return {
    name,
    url,
    port,
    pid: child.pid!,
    exited,
    output: () => output,
    async ready(timeoutMs = 300_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (!alive()) {
          throw new Error(
            `Replica ${name} exited while starting (${await exited}):\n${errors()}`,
          );
        }
        // The short link is registered last in the plugin's init, and the
        // portal answers 503 until every plugin of the backend has started.
        const [link, portal] = await Promise.all(
          [`${url}/enroll`, `${url}/api/enrollment/enroll`].map(address =>
            fetch(address, { redirect: 'manual' })
              .then(res => res.status)
              .catch(() => 0),
          ),
        );
        if (link === 302 && portal === 200) return;
        if (Date.now() > deadline) {
          throw new Error(
            `Replica ${name} did not start in ${timeoutMs} ms:\n${errors()}\n…\n${output.slice(
              -3000,
            )}`,
          );
        }
        await new Promise(r => setTimeout(r, 1000));
      }
    },
    async kill() {
      if (alive()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (alive()) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/**
 * The lines a Backstage backend logs at level error (and the stderr lines
 * without a level), without colours: why a start failed, short enough to
 * read in a test's failure.
 */
function errorLines(log: string): string {
  // eslint-disable-next-line no-control-regex -- the colours of the log
  const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
  const lines = plain
    .split('\n')
    .filter(line => / error |Error:|MigrationLocked|already locked/.test(line))
    .map(line => (line.length > 600 ? `${line.slice(0, 600)}…` : line));
  return lines.slice(0, 20).join('\n') || plain.slice(-2000);
}
