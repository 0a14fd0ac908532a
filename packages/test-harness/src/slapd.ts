import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, waitForPort } from './freePort';
import { requireCommand } from './requireCommand';
import {
  BASE_DN,
  READER_DN,
  READER_PASSWORD,
  SEED_PEOPLE,
  seedLdif,
} from './slapdSeed';

/** A running throw-away OpenLDAP server with the seeded tree. */
export interface RunningSlapd {
  url: string;
  port: number;
  baseDn: string;
  bindDn: string;
  bindPassword: string;
  people: typeof SEED_PEOPLE;
  /**
   * The process id of the slapd now running (undefined while halted), for
   * signals: SIGSTOP freezes it, so that the kernel still accepts
   * connections but nothing answers; SIGCONT thaws it.
   */
  readonly pid: number | undefined;
  /**
   * Ends the slapd process but keeps its database and port: connections
   * are refused until restart(). Thaws a frozen process first.
   */
  halt(): Promise<void>;
  /**
   * Starts slapd again on the same port with the same database (halting
   * the running one first, if any); resolves once it accepts connections.
   */
  restart(): Promise<void>;
  /**
   * Changes the directory as its administrator would (an LDIF of
   * `changetype: modify` records), e.g. to take someone out of a group.
   */
  modify(ldif: string): Promise<void>;
  /** Stops slapd and removes its files. */
  stop(): Promise<void>;
}

const SCHEMA_DIR = '/etc/ldap/schema';
const MODULE_DIR = '/usr/lib/ldap';

const ADMIN_DN = `cn=admin,${BASE_DN}`;
const ADMIN_PASSWORD = 'admin-secret';

function slapdConf(dir: string): string {
  return [
    ...['core', 'cosine', 'inetorgperson', 'nis'].map(
      s => `include ${SCHEMA_DIR}/${s}.schema`,
    ),
    `pidfile ${dir}/slapd.pid`,
    `modulepath ${MODULE_DIR}`,
    'moduleload back_mdb',
    'database mdb',
    'maxsize 67108864',
    `suffix "${BASE_DN}"`,
    `rootdn "${ADMIN_DN}"`,
    `rootpw ${ADMIN_PASSWORD}`,
    `directory ${dir}/db`,
    'index objectClass eq',
    'index uid eq',
    // Anonymous may only authenticate; searching needs the reader's bind.
    'access to attrs=userPassword by self write by anonymous auth by * none',
    'access to * by users read by * none',
    '',
  ].join('\n');
}

interface SlapdProcess {
  pid: number | undefined;
  halt(): Promise<void>;
}

/** Runs slapd on url's port; resolves once it accepts connections. */
async function launchSlapd(
  slapd: string,
  confPath: string,
  url: string,
  port: number,
): Promise<SlapdProcess> {
  let output = '';
  const child: ChildProcess = spawn(
    slapd,
    ['-f', confPath, '-h', `${url}/`, '-d', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', d => (output += d));
  child.stderr?.on('data', d => (output += d));
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );

  const exitedEarly = exited.then(() => {
    throw new Error(`slapd exited at start-up: ${output}`);
  });
  // Once started, its exit (by halt) is no failure to report.
  exitedEarly.catch(() => undefined);
  try {
    await Promise.race([waitForPort(port, 15_000), exitedEarly]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  return {
    pid: child.pid,
    async halt() {
      if (child.exitCode === null && child.signalCode === null) {
        // A frozen (SIGSTOPped) slapd would not see SIGINT until thawed.
        child.kill('SIGCONT');
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/**
 * Starts OpenLDAP's slapd on a free loopback port with a fresh database
 * seeded by slapadd. Fails naming the Debian packages when slapd is missing.
 */
export async function startSlapd(): Promise<RunningSlapd> {
  const slapd = requireCommand('slapd', 'slapd ldap-utils');
  const slapadd = requireCommand('slapadd', 'slapd ldap-utils');
  const ldapmodify = requireCommand('ldapmodify', 'ldap-utils');
  const dir = mkdtempSync(join(tmpdir(), 'harness-slapd-'));
  mkdirSync(join(dir, 'db'));
  const confPath = join(dir, 'slapd.conf');
  writeFileSync(confPath, slapdConf(dir));
  writeFileSync(join(dir, 'seed.ldif'), seedLdif());
  await promisify(execFile)(slapadd, [
    '-f',
    confPath,
    '-l',
    join(dir, 'seed.ldif'),
  ]);

  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  let running: SlapdProcess | undefined;
  const launch = async () => {
    running = await launchSlapd(slapd, confPath, url, port);
  };
  const halt = async () => {
    const current = running;
    running = undefined;
    await current?.halt();
  };

  try {
    await launch();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  return {
    url,
    port,
    baseDn: BASE_DN,
    bindDn: READER_DN,
    bindPassword: READER_PASSWORD,
    people: SEED_PEOPLE,
    get pid() {
      return running?.pid;
    },
    halt,
    async restart() {
      await halt();
      await launch();
    },
    modify: ldif =>
      new Promise<void>((resolve, reject) => {
        const child = execFile(
          ldapmodify,
          ['-x', '-H', url, '-D', ADMIN_DN, '-w', ADMIN_PASSWORD],
          (error, _stdout, stderr) =>
            error
              ? reject(new Error(`ldapmodify: ${stderr || error}`))
              : resolve(),
        );
        child.stdin!.end(ldif);
      }),
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
