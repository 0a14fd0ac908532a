import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot, freePort } from '@internal/test-harness';

export const ROOT = findRepoRoot(process.cwd());

/** The demo as `npm start` runs it, on ports of its own. */
export interface RunningDemo {
  appUrl: string;
  backendUrl: string;
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Waits until `url` answers `expectedStatus`. Any other answer means "not up
 * yet": while the backend initializes its plugins, the root router already
 * listens and answers 404 for routes not yet registered.
 */
async function waitForHttp(
  url: string,
  expectedStatus: number,
  timeoutMs: number,
  output: () => string,
) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  for (;;) {
    try {
      const res = await fetch(url, { redirect: 'manual' });
      if (res.status === expectedStatus) return;
      last = `status ${res.status}`;
    } catch (error) {
      last = String(error);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${url} did not answer ${expectedStatus} within ${timeoutMs} ms (last: ${last}). Output:\n${output()}`,
      );
    }
    await new Promise(r => setTimeout(r, 500));
  }
}

/**
 * Starts the demo with `backstage-cli repo start`, the README's start command,
 * adding a config file that keeps its data in a throw-away folder.
 */
export async function startDemo(
  options: { config?: Record<string, unknown> } = {},
): Promise<RunningDemo> {
  // Free ports rather than 3000 and 7007, so a developer's running demo or
  // a second copy of the suite on the same machine does not collide.
  const appPort = await freePort();
  const backendPort = await freePort();
  const appUrl = `http://localhost:${appPort}`;
  const backendUrl = `http://localhost:${backendPort}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'e2e-demo-'));
  const extraConfig = join(dataDir, 'e2e-config.yaml');
  // YAML is a superset of JSON.
  writeFileSync(
    extraConfig,
    JSON.stringify({
      app: { baseUrl: appUrl },
      backend: {
        baseUrl: backendUrl,
        listen: { port: backendPort },
        cors: { origin: appUrl },
        database: {
          client: 'better-sqlite3',
          connection: { directory: join(dataDir, 'sqlite') },
        },
      },
      enrollment: {
        outbox: { directory: join(dataDir, 'outbox') },
        ...(options.config?.enrollment as object),
      },
    }),
  );
  let output = '';
  const child: ChildProcess = spawn(
    join(ROOT, 'node_modules/.bin/backstage-cli'),
    [
      'repo',
      'start',
      '--config',
      join(ROOT, 'app-config.yaml'),
      '--config',
      extraConfig,
    ],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Jest sets NODE_ENV=test, which the app bundler's browserslist cannot use.
      env: { ...process.env, NODE_ENV: 'development', BROWSER: 'none' },
    },
  );
  child.stdout?.on('data', d => (output += d));
  child.stderr?.on('data', d => (output += d));
  const exited = new Promise<void>(r => child.once('exit', () => r()));

  /** Signals the whole process group; false once none of it is left. */
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
      return true;
    } catch {
      return false;
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    // A backend the watcher restarted may outlive the leader (seen once:
    // it kept port 7007 after stop): whatever is left of the group goes.
    if (child.pid) signalGroup('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };

  const died = exited.then(() => {
    throw new Error(`The demo exited before it was up. Output:\n${output}`);
  });
  try {
    await Promise.race([
      died,
      (async () => {
        // The short link is registered last in the plugin's init: a 302
        // there means the whole backend is up.
        await waitForHttp(`${backendUrl}/enroll`, 302, 180_000, () => output);
        await waitForHttp(`${appUrl}/`, 200, 300_000, () => output);
      })(),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  died.catch(() => {});
  return {
    appUrl,
    backendUrl,
    dataDir,
    output: () => output,
    stop,
  };
}
