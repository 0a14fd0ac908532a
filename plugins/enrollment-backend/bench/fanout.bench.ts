/* eslint-disable no-console */
// Benchmark: one invitation to 10,000 recipients, delivered by the real mail
// task (InvitationDelivery with its default settings, the pooled nodemailer
// transport) to a local SMTP server, on a throw-away PostgreSQL database and
// on an in-memory SQLite. Run with `BENCH_ONLY=fanout npm run bench`.
//
// The SMTP server runs in a child process (this file, with
// FANOUT_SMTP_CHILD=1): STARTTLS and AUTH like a real relay, but it only
// reads each message's Message-ID header and counts it, so it is not what
// is measured. It reports its own CPU time.
import { ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { DatabaseService, LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { selfSignedCertificate } from '@internal/test-harness';
import { Knex } from 'knex';
// The test harness's dependency, as its own SMTP server uses it.
// eslint-disable-next-line @backstage/no-undeclared-imports
import { SMTPServer } from 'smtp-server';
import { createEnrollmentStores } from '../src/database/createEnrollmentStores';
import { InvitationCodes } from '../src/invitations/code';
import { InvitationService } from '../src/invitations/InvitationService';
import { createMailer } from '../src/mail/createMailer';
import { InvitationDelivery } from '../src/mail/InvitationDelivery';
import {
  readDeliverySettings,
  readSmtpSettings,
} from '../src/mail/MailSettings';
import { onCleanup } from './cleanup';
import { onBenchDatabases } from './databases';
import { busyCores, cpuTimes, processCpuMs } from './machine';
import { num, printTable } from './stats';

const RECIPIENTS = Number(process.env.BENCH_FANOUT_RECIPIENTS ?? 10_000);
const USER = 'mailer';
const PASSWORD = 'bench-secret';

/** What the SMTP child answers over IPC. */
interface SmtpStats {
  /** Messages accepted (250) since the last reset. */
  accepted: number;
  /** Distinct Message-IDs among them. */
  distinct: number;
  /** Message-IDs that arrived more than once. */
  duplicates: number;
  /** Messages without a Message-ID header. */
  withoutId: number;
  /** performance.now() of the child at the last accepted message, relative to the reset. */
  lastAtMs: number;
  /** CPU time (user + system) of the SMTP process since the reset. */
  cpuMs: number;
  messageIds: string[];
}

// ---------------------------------------------------------------- the child

function runSmtpChild() {
  const tls = selfSignedCertificate();
  let ids = new Map<string, number>();
  let accepted = 0;
  let withoutId = 0;
  let since = performance.now();
  let lastAt = 0;
  let cpu = process.cpuUsage();
  const server = new SMTPServer({
    secure: false,
    key: tls.privateKeyPem,
    cert: tls.certificatePem,
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: false,
    logger: false,
    closeTimeout: 100,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) {
        callback(null, { user: USER });
      } else {
        callback(new Error('Invalid username or password'));
      }
    },
    onData(stream, _session, callback) {
      // Only the header block is looked at; the body is read and dropped.
      let head = '';
      let done = false;
      stream.on('data', (chunk: Buffer) => {
        if (done) return;
        head += chunk.toString('latin1');
        const end = head.indexOf('\r\n\r\n');
        if (end >= 0 || head.length > 64 * 1024) {
          done = true;
          head = end >= 0 ? head.slice(0, end) : head;
        }
      });
      stream.on('end', () => {
        const id = /^message-id:\s*(<[^>\r\n]*>)/im.exec(head)?.[1];
        if (id) ids.set(id, (ids.get(id) ?? 0) + 1);
        else withoutId++;
        accepted++;
        lastAt = performance.now() - since;
        callback(null, 'Queued');
      });
    },
  });
  server.listen(0, '127.0.0.1', () => {
    process.send!({
      type: 'ready',
      port: (server.server.address() as AddressInfo).port,
      certificatePem: tls.certificatePem,
    });
  });
  process.on('message', (message: { type?: string }) => {
    if (message?.type === 'reset') {
      ids = new Map();
      accepted = 0;
      withoutId = 0;
      lastAt = 0;
      since = performance.now();
      cpu = process.cpuUsage();
      process.send!({ type: 'reset' });
    } else if (message?.type === 'read') {
      const used = process.cpuUsage(cpu);
      const stats: SmtpStats = {
        accepted,
        distinct: ids.size,
        duplicates: [...ids.values()].filter(n => n > 1).length,
        withoutId,
        lastAtMs: lastAt,
        cpuMs: (used.user + used.system) / 1000,
        messageIds: [...ids.keys()],
      };
      process.send!({ type: 'read', stats });
    }
  });
  process.on('disconnect', () => process.exit(0));
}

if (process.env.FANOUT_SMTP_CHILD === '1' && process.send) {
  runSmtpChild();
}

// --------------------------------------------------------------- the parent

interface SmtpChild {
  port: number;
  certificatePem: string;
  reset(): Promise<void>;
  read(): Promise<SmtpStats>;
  stop(): Promise<void>;
}

async function startSmtpChild(): Promise<SmtpChild> {
  const child: ChildProcess = fork(__filename, [], {
    execArgv: [
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
    ],
    env: { ...process.env, FANOUT_SMTP_CHILD: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = onCleanup(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise(r => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  });
  const ask = <T>(type: string, send = true) =>
    new Promise<T>((resolve, reject) => {
      const onExit = () => reject(new Error('The SMTP child exited'));
      const onMessage = (message: { type: string } & T) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      if (send) child.send({ type }, error => error && reject(error));
    });
  const ready = await ask<{ port: number; certificatePem: string }>(
    'ready',
    false,
  );
  return {
    port: ready.port,
    certificatePem: ready.certificatePem,
    reset: async () => {
      await ask('reset');
    },
    read: async () => (await ask<{ stats: SmtpStats }>('read')).stats,
    stop,
  };
}

/** The task's log lines would go to the console; only warnings and errors do. */
const quietLogger: LoggerService = {
  info: () => undefined,
  debug: () => undefined,
  warn: message => console.log(`  warn: ${message}`),
  error: message => console.log(`  error: ${message}`),
  child: () => quietLogger,
};

/**
 * CPU ms so far of each PostgreSQL backend serving this database (the
 * bench's own pool), by pid; other databases on the server are not counted.
 */
async function databaseCpuMs(knex: Knex): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (knex.client.config.client !== 'pg') return result;
  const { rows } = await knex.raw(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
  );
  for (const { pid } of rows as Array<{ pid: number }>) {
    try {
      result.set(String(pid), processCpuMs(pid));
    } catch {
      // gone meanwhile
    }
  }
  return result;
}

interface FanoutResult {
  seedMs: number;
  deliveredMs: number;
  markedMs: number;
  runs: number;
  stats: SmtpStats;
  backendCpuMs: number;
  postgresCpuMs: number;
  busy: string;
  markedSent: number;
  distinctStored: number;
  storedSeenBySmtp: number;
}

/** The settings compared: as shipped, and for a relay that takes more. */
const CONFIGS: Array<{
  name: string;
  smtp: Record<string, number>;
  delivery: Record<string, number>;
}> = [
  { name: 'defaults', smtp: {}, delivery: {} },
  {
    name: 'tuned',
    smtp: { maxConnections: 8 },
    delivery: { concurrency: 16, batchSize: 200 },
  },
];

function describeConfig(config: (typeof CONFIGS)[number]): string {
  const keys = [
    ...Object.entries(config.smtp).map(([k, v]) => `smtp.${k} ${v}`),
    ...Object.entries(config.delivery).map(([k, v]) => `delivery.${k} ${v}`),
  ];
  return keys.length ? `${config.name} (${keys.join(', ')})` : config.name;
}

async function fanout(
  knex: Knex,
  smtp: SmtpChild,
  config: (typeof CONFIGS)[number],
): Promise<FanoutResult> {
  const database = {
    getClient: async () => knex,
    migrations: { skip: false },
  } as DatabaseService;
  const stores = await createEnrollmentStores(database);
  const codes = new InvitationCodes(randomBytes(32));
  const enrollUrl = async () => 'https://backstage.example.com/enroll';
  const invitations = new InvitationService({
    invitations: stores.invitations,
    sites: stores.sites,
    computers: stores.computers,
    events: stores.events,
    codes,
    enrollUrl,
    wakeDelivery: async () => undefined,
  });

  const recipients = Array.from(
    { length: RECIPIENTS },
    (_, i) => `person${i}@example.com`,
  );
  const seedStart = performance.now();
  const created = await invitations.create(
    {
      recipients,
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      requireLogin: true,
      multipleUses: false,
      subject: 'Enroll your Mac (invitation {id})',
      message: 'Please enroll your Mac by Friday.',
    },
    'user:default/bench',
  );
  const seedMs = performance.now() - seedStart;

  // The settings an operator would write: only the relay; the rest default.
  const smtpSettings = readSmtpSettings(
    new ConfigReader({
      host: '127.0.0.1',
      port: smtp.port,
      requireTLS: true,
      auth: { user: USER, pass: PASSWORD },
      tls: { ca: smtp.certificatePem },
      from: 'IT <it@example.com>',
      ...config.smtp,
    }),
  );
  const mailer = createMailer({
    smtp: smtpSettings,
    outbox: { directory: '/nonexistent', from: 'x' },
  });
  const delivery = new InvitationDelivery({
    store: stores.deliveries,
    events: stores.events,
    mailer,
    codes,
    organization: 'Acme',
    enrollUrl,
    logger: quietLogger,
    settings: readDeliverySettings(new ConfigReader(config.delivery)),
  });

  try {
    await mailer.verify(); // the pool's first connection is not what is timed
    await smtp.reset();
    const cpu0 = process.cpuUsage();
    const pg0 = await databaseCpuMs(knex);
    const machine0 = cpuTimes();
    const t0 = performance.now();
    let runs = 0;
    for (;;) {
      runs++;
      const totals = await delivery.runOnce();
      if (!totals.sent && !totals.retrying && !totals.failed) break;
      if (runs > 1000) throw new Error('The mail task does not finish');
    }
    const markedMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const busy = busyCores(machine0);
    const pg1 = await databaseCpuMs(knex);
    let pgCpu = 0;
    for (const [pid, ms] of pg1) pgCpu += ms - (pg0.get(pid) ?? 0);
    const stats = await smtp.read();

    const stored = await knex('enrollment_recipients')
      .where({ invitation_id: created.id, state: 'sent' })
      .select('message_id');
    const storedIds = new Set(stored.map(r => String(r.message_id)));
    const seen = new Set(stats.messageIds);
    return {
      seedMs,
      // The SMTP child's clock starts at its reset, just before t0.
      deliveredMs: stats.lastAtMs,
      markedMs,
      runs: runs - 1,
      stats,
      backendCpuMs: (cpu.user + cpu.system) / 1000,
      postgresCpuMs: pgCpu,
      busy,
      markedSent: stored.length,
      distinctStored: storedIds.size,
      storedSeenBySmtp: [...storedIds].filter(id => seen.has(id)).length,
    };
  } finally {
    mailer.close();
  }
}

export async function benchFanout(): Promise<void> {
  const smtp = await startSmtpChild();
  const rows: string[][] = [];
  try {
    const only = process.env.BENCH_FANOUT_CONFIG;
    const configs = CONFIGS.filter(c => !only || c.name === only);
    if (!configs.length) {
      throw new Error(
        `BENCH_FANOUT_CONFIG=${only} is not one of ${CONFIGS.map(
          c => c.name,
        ).join(', ')}`,
      );
    }
    await onBenchDatabases(async (database, knex) => {
      for (const config of configs) {
        const name = `${database}, ${describeConfig(config)}`;
        const r = await fanout(knex, smtp, config);
        const s = r.stats;
        const ok =
          s.accepted === RECIPIENTS &&
          s.distinct === RECIPIENTS &&
          s.duplicates === 0 &&
          r.markedSent === RECIPIENTS &&
          r.distinctStored === RECIPIENTS &&
          r.storedSeenBySmtp === RECIPIENTS;
        rows.push([
          name,
          `${(r.seedMs / 1000).toFixed(2)} s`,
          `${(r.deliveredMs / 1000).toFixed(2)} s`,
          num((RECIPIENTS / r.deliveredMs) * 1000, 0),
          `${(r.markedMs / 1000).toFixed(2)} s`,
          String(r.runs),
          num(r.backendCpuMs / RECIPIENTS, 3),
          num(s.cpuMs / RECIPIENTS, 3),
          r.postgresCpuMs ? num(r.postgresCpuMs / RECIPIENTS, 3) : 'n/a',
          r.busy,
          `${s.accepted} / ${s.distinct} / ${s.duplicates}`,
          ok ? 'PASS' : 'FAIL',
        ]);
        if (!ok) {
          console.log(
            `  ${name}: accepted ${s.accepted}, distinct ${s.distinct}, twice ${s.duplicates}, without Message-ID ${s.withoutId}; stored sent ${r.markedSent}, distinct stored ${r.distinctStored}, stored and seen ${r.storedSeenBySmtp}`,
          );
        }
      }
    });
  } finally {
    await smtp.stop();
  }
  printTable(
    `Invitation fan-out: one invitation, ${RECIPIENTS} recipients, through STARTTLS and AUTH to a local SMTP server`,
    [
      'database, settings',
      'seed',
      'all delivered',
      'messages/s',
      'all marked sent',
      'task runs',
      'backend CPU ms/msg',
      'SMTP server CPU ms/msg',
      'PostgreSQL CPU ms/msg (this database)',
      'busy cores',
      'accepted / distinct IDs / twice',
      'exactly once',
    ],
    rows,
  );
}
