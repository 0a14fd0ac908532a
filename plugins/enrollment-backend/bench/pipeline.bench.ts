/* eslint-disable no-console */
// Benchmark 1: whole enrollments by simulated Macs in parallel against the
// demo backend on PostgreSQL, compared with the machine's RSA limit.
import { performance } from 'node:perf_hooks';
import { hashPassword } from '../src/accounts/passwordHash';
import { BenchBackend, startBenchBackend } from './backend';
import { httpRequest } from './http';
import { enrollMac, MacRun, PortalEntry, STEPS } from './mac';
import { makeRequesters } from './requesters';
import { opensslRsa2048SignsPerSecond } from './rsaLimit';
import { busyCores, cpuTimes, machineLine, postgresCpuMs } from './machine';
import { lanes, ms, num, pass, percentile, printTable } from './stats';

const MACS = Number(process.env.BENCH_MACS ?? 200);
/** login: each Mac's person logs in; link: a no-login invitation; both (default). */
const PORTAL = process.env.BENCH_PIPELINE_PORTAL ?? 'both';
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const WARM_UP = 3;
const PASSWORD = 'bench-password';

/**
 * The server's RSA private-key operations in one enrollment, read from the
 * code. Public-key operations (CMS and certificate verifications, the
 * CertRep's envelope to the Mac) and one-time costs (the profile-signing
 * key, the APNs TLS session) are not counted.
 */
export const SERVER_RSA_PRIVATE_OPS = [
  'profile signature (EnrollmentProfileService → signCms, profile-signing key)',
  'SCEP envelope key decryption (scep/envelope.ts openEnvelope, CA key)',
  'device certificate signature (issueDeviceCertificate → signCertificate, CA key)',
  'CertRep signature (buildCertRep → signCms, CA key)',
];

export async function benchPipeline(): Promise<void> {
  if (!['both', 'login', 'link'].includes(PORTAL)) {
    throw new Error(`BENCH_PIPELINE_PORTAL=${PORTAL}: login, link or both`);
  }
  if (PORTAL !== 'link') await runPipeline('login');
  if (PORTAL !== 'login') await runPipeline('link');
}

const PORTAL_STEPS = {
  login:
    "each person logs in with a local account (login page, login with the code's scrypt parameters, download page)",
  link: 'a no-login invitation link, as mailed (short link → portal with the code → download page)',
};

/** A multiple-use invitation without login, made through the admin API. */
async function noLoginInvitationUrl(backend: BenchBackend): Promise<string> {
  const created = await httpRequest(`${backend.base}/invitations`, {
    method: 'POST',
    headers: {
      Authorization: backend.adminAuthorization,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      recipients: ['bench@example.com'],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      requireLogin: false,
      multipleUses: true,
    }),
  });
  if (created.status !== 201) {
    throw new Error(
      `Creating the invitation: HTTP ${created.status} ${created.body}`,
    );
  }
  return JSON.parse(created.body.toString()).url;
}

async function runPipeline(mode: 'login' | 'link'): Promise<void> {
  console.log(
    `\n## Enrollment pipeline: ${MACS} Macs, ${CONCURRENCY} at a time, demo backend on PostgreSQL; portal: ${PORTAL_STEPS[mode]}`,
  );
  console.log(await machineLine());
  const signsPerSecond = await opensslRsa2048SignsPerSecond();
  // One local portal account per Mac, as people do not share one: logins
  // are throttled per user. One hash (the code's own parameters) for all.
  const passwordHash = await hashPassword(PASSWORD);
  const username = (i: number) => `bench${String(i).padStart(4, '0')}`;
  const backend = await startBenchBackend({
    portal: {
      localAccounts: Array.from({ length: MACS + WARM_UP }, (_, i) => ({
        username: username(i),
        passwordHash,
      })),
    },
  });
  try {
    const link = mode === 'link' ? await noLoginInvitationUrl(backend) : '';
    const entry = (i: number): PortalEntry =>
      mode === 'link'
        ? { kind: 'link', url: link }
        : { kind: 'login', username: username(i), password: PASSWORD };
    const requesters = await makeRequesters(
      MACS + WARM_UP,
      i => `Bench Mac ${i}`,
    );
    const enroll = (i: number) =>
      enrollMac({
        base: backend.base,
        requester: requesters[i],
        entry: entry(i),
        index: i,
      });
    try {
      for (let i = MACS; i < MACS + WARM_UP; i++) await enroll(i);
    } catch (error) {
      throw new Error(
        `${error}\nBackend log:\n${backend.output().slice(-4000)}`,
      );
    }

    const runs: MacRun[] = [];
    const totals: number[] = [];
    const failures: string[] = [];
    let next = 0;
    await backend.reset();
    const cpu0 = process.cpuUsage();
    const machine0 = cpuTimes();
    const postgres0 = postgresCpuMs();
    const t0 = performance.now();
    await lanes(CONCURRENCY, async () => {
      const i = next++;
      if (i >= MACS) return false;
      const started = performance.now();
      try {
        runs.push(await enroll(i));
        totals.push(performance.now() - started);
      } catch (error) {
        failures.push(String(error));
      }
      return true;
    });
    const wallS = (performance.now() - t0) / 1000;
    const server = await backend.read();
    const clientCpu = process.cpuUsage(cpu0);
    const machine = busyCores(machine0);
    const postgres = postgresCpuMs() - postgres0;

    printTable(
      `Per step (ms; HTTP round trips as the Mac sees them, its own crypto excluded), ${runs.length} enrollments`,
      ['step', 'p50', 'p95', 'p99'],
      [
        ...STEPS.map(step => {
          const samples = runs.map(r => r.steps[step]);
          return [
            step,
            num(percentile(samples, 50)),
            num(percentile(samples, 95)),
            num(percentile(samples, 99)),
          ];
        }),
        ...[
          [
            'Mac-side crypto (in the bench process)',
            runs.map(r => r.clientCryptoMs),
          ],
          ['whole enrollment (wall, incl. Mac crypto)', totals],
        ].map(([label, samples]) => [
          label as string,
          num(percentile(samples as number[], 50)),
          num(percentile(samples as number[], 95)),
          num(percentile(samples as number[], 99)),
        ]),
      ],
    );

    const perSecond = runs.length / wallS;
    const rsaOps = SERVER_RSA_PRIVATE_OPS.length;
    const limit = signsPerSecond / rsaOps;
    const ratio = perSecond / limit;
    console.log(
      `\nServer RSA private-key operations per enrollment: ${rsaOps}\n${SERVER_RSA_PRIVATE_OPS.map(
        (op, i) => `  ${i + 1}. ${op}`,
      ).join('\n')}`,
    );
    printTable(
      'Throughput against the machine',
      ['figure', 'value', 'goal'],
      [
        [
          'enrollments completed / failed',
          `${runs.length} / ${failures.length}`,
          '',
        ],
        ['wall time', `${num(wallS, 2)} s`, ''],
        ['enrollments/s', num(perSecond, 2), ''],
        [
          'openssl speed rsa2048, sign/s (one core)',
          num(signsPerSecond, 1),
          '',
        ],
        [
          `RSA limit = sign/s ÷ ${rsaOps} ops`,
          `${num(limit, 1)} enrollments/s`,
          '',
        ],
        [
          'enrollments/s ÷ RSA limit',
          `${num(ratio * 100, 1)} %`,
          `≥ 25 %: ${pass(ratio >= 0.25)}`,
        ],
        [
          'backend CPU per enrollment (all threads)',
          ms(server.cpuMs / runs.length),
          '',
        ],
        [
          'backend CPU use during the run',
          `${num((server.cpuMs / server.wallMs) * 100, 0)} % of one core`,
          '',
        ],
        [
          'PostgreSQL CPU per enrollment (all its processes)',
          ms(postgres / runs.length),
          '',
        ],
        ['machine busy during the run (all processes)', `${machine} cores`, ''],
        [
          'bench process CPU per enrollment (Macs)',
          ms((clientCpu.user + clientCpu.system) / 1000 / runs.length),
          '',
        ],
        [
          'backend event-loop delay p99 / max',
          `${ms(server.delayP99Ms)} / ${ms(server.delayMaxMs)}`,
          `max ≤ 5 ms: ${pass(server.delayMaxMs <= 5)}`,
        ],
      ],
    );
    const commands = new Map<string, number>();
    for (const r of runs) {
      commands.set(r.firstCommand, (commands.get(r.firstCommand) ?? 0) + 1);
    }
    console.log(
      `\nFirst command on the Idle: ${[...commands]
        .map(([c, n]) => `${c} ×${n}`)
        .join(', ')}`,
    );
    if (failures.length) console.log(`First failure: ${failures[0]}`);
  } finally {
    await backend.stop();
  }
}
