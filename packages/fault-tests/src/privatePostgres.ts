import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@internal/test-harness';

const BIN = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin'].find(
  dir => existsSync(join(dir, 'pg_ctl')),
);

/**
 * A PostgreSQL server of the test's own, so it can be stopped and started
 * under a running backend without disturbing the machine's shared one.
 */
export interface PrivatePostgres {
  /** postgresql://postgres@127.0.0.1:PORT */
  url: string;
  port: number;
  /** Stops it: `fast` ends every session as a restart does. */
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  destroy(): void;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  if (!BIN) {
    throw new Error(
      'PostgreSQL server binaries are missing: apt-get install postgresql',
    );
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'private-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  // initdb and the server refuse to run as root.
  const asOwner = (command: string, args: string[]) => {
    const argv =
      process.getuid?.() === 0
        ? ['runuser', ['-u', 'postgres', '--', join(BIN, command), ...args]]
        : [join(BIN, command), args];
    return execFileSync(argv[0] as string, argv[1] as string[], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: dir,
    });
  };
  asOwner('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c max_connections=200`;
  const start = () =>
    asOwner('pg_ctl', [
      '-D',
      data,
      '-o',
      options,
      '-l',
      join(dir, 'log'),
      '-w',
      'start',
    ]);
  const stop = (mode: 'fast' | 'immediate' = 'fast') =>
    asOwner('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  start();
  let running = true;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}`,
    port,
    stop(mode) {
      stop(mode);
      running = false;
    },
    start() {
      start();
      running = true;
    },
    destroy() {
      if (running) stop('immediate');
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
