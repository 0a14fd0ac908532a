/* eslint-disable no-console */
// Benchmark 2: PKCSReq throughput of our SCEP endpoint against micromdm's
// scepserver, with the same client and load in the same run.
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DatabaseScepChallengeStore } from '../src/database/DatabaseScepChallengeStore';
import { startBenchBackend } from './backend';
import { busyCores, cpuTimes, machineLine, processCpuMs } from './machine';
import { makeRequesters, openCertRep } from './requesters';
import { caCertificateOf, pkcsReq, postPkiOperation } from './scepMessages';
import { scepclientSmoke, startScepserver } from './scepserver';
import { lanes, ms, num, pass, percentile, printTable } from './stats';

const REQUESTS = Number(process.env.BENCH_SCEP_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_SCEP_CONCURRENCY ?? 8);
const WARM_UP = 20;
const KEYS = 16;

interface Result {
  name: string;
  perSecond: number;
  latencies: number[];
  issued: number;
  refused: string[];
  serverCpuMs: number;
  machine: string;
  eventLoop?: string;
}

export async function benchScep(): Promise<void> {
  console.log(
    `\n## SCEP PKCSReq: ours ({base}/scep) against micromdm's scepserver, ${REQUESTS} requests each, ${CONCURRENCY} at a time`,
  );
  console.log(await machineLine());
  const staticChallenge = randomBytes(12).toString('hex');
  const backend = await startBenchBackend();
  const scepserver = await startScepserver(staticChallenge);
  try {
    const ours = `${backend.base}/scep`;
    const challenges = new DatabaseScepChallengeStore(backend.db);
    const mint = () => challenges.mint(randomUUID(), 3_600_000, new Date());

    const smoke = [
      ['scepserver', await scepclientSmoke(scepserver.url, staticChallenge)],
      ['ours', await scepclientSmoke(ours, await mint())],
    ];

    const requesters = await makeRequesters(KEYS, i => `Bench requester ${i}`);
    const build = async (url: string, challenge: () => Promise<string>) => {
      const ca = await caCertificateOf(url);
      const messages = [];
      for (let i = 0; i < WARM_UP + REQUESTS; i++) {
        const requester = requesters[i % KEYS];
        messages.push({
          requester,
          der: pkcsReq(requester, ca, {
            commonName: `bench-${randomUUID()}`,
            challenge: await challenge(),
          }),
        });
      }
      return messages;
    };
    const targets = [
      {
        name: 'scepserver (micromdm, Go)',
        url: scepserver.url,
        messages: await build(scepserver.url, async () => staticChallenge),
        cpuMs: () => processCpuMs(scepserver.pid),
      },
      {
        name: 'ours (demo backend, PostgreSQL)',
        url: ours,
        messages: await build(ours, mint),
        cpuMs: undefined,
      },
    ];

    const results: Result[] = [];
    for (const target of targets) {
      const run = async (from: number, count: number) => {
        const answers: { der: Buffer; status: number; ms: number }[] = [];
        let next = from;
        await lanes(CONCURRENCY, async () => {
          const i = next++;
          if (i >= from + count) return false;
          const answer = await postPkiOperation(
            target.url,
            target.messages[i].der,
          );
          answers[i - from] = {
            der: answer.body,
            status: answer.status,
            ms: answer.elapsedMs,
          };
          return true;
        });
        return answers;
      };
      await run(0, WARM_UP);
      await backend.reset();
      const cpu0 = target.cpuMs?.();
      const machine0 = cpuTimes();
      const t0 = performance.now();
      const answers = await run(WARM_UP, REQUESTS);
      const wallS = (performance.now() - t0) / 1000;
      const machine = busyCores(machine0);
      const window = await backend.read();
      // Checked after the clock: each answer is a SUCCESS CertRep with a certificate.
      const refused: string[] = [];
      answers.forEach((answer, i) => {
        try {
          if (answer.status !== 200) throw new Error(`HTTP ${answer.status}`);
          const rep = openCertRep(
            answer.der,
            target.messages[WARM_UP + i].requester,
          );
          if (!rep.issued)
            throw new Error(
              `pkiStatus ${rep.pkiStatus} failInfo ${rep.failInfo}`,
            );
        } catch (error) {
          refused.push(String(error));
        }
      });
      results.push({
        name: target.name,
        perSecond: REQUESTS / wallS,
        latencies: answers.map(a => a.ms),
        issued: REQUESTS - refused.length,
        refused,
        serverCpuMs: target.cpuMs ? target.cpuMs() - cpu0! : window.cpuMs,
        machine,
        eventLoop: target.cpuMs
          ? undefined
          : `${ms(window.delayP99Ms)} / ${ms(window.delayMaxMs)}`,
      });
    }

    printTable(
      'PKIOperation (PKCSReq → CertRep SUCCESS), same client, same load',
      [
        'server',
        'issued',
        'req/s',
        'issued/s',
        'p50',
        'p95',
        'p99',
        'server CPU/req',
        'machine busy (cores)',
        'event loop p99 / max',
      ],
      results.map(r => [
        r.name,
        `${r.issued}/${REQUESTS}`,
        num(r.perSecond, 1),
        num((r.perSecond * r.issued) / REQUESTS, 1),
        ms(percentile(r.latencies, 50)),
        ms(percentile(r.latencies, 95)),
        ms(percentile(r.latencies, 99)),
        ms(r.serverCpuMs / REQUESTS),
        r.machine,
        r.eventLoop ?? '–',
      ]),
    );
    const [theirs, ourResult] = results;
    const ratio = ourResult.perSecond / theirs.perSecond;
    console.log(
      `\nours ÷ scepserver (req/s): ${num(ratio, 2)}×   goal ≥ 1.0×: ${pass(
        ratio >= 1,
      )}`,
    );
    const issuedRatio =
      (ourResult.issued * ourResult.perSecond) /
      (theirs.issued * theirs.perSecond);
    console.log(
      `ours ÷ scepserver (certificates issued/s): ${num(issuedRatio, 2)}×`,
    );
    for (const r of results) {
      if (r.refused.length) {
        console.log(
          `${r.name}: ${r.refused.length} refused, first: ${r.refused[0]}`,
        );
      }
    }
    for (const [reason, count] of scepserver.signFailures()) {
      console.log(
        `  scepserver log, "failed to sign CSR" ×${count}: ${reason}`,
      );
    }
    printTable(
      'scepclient (micromdm) smoke check, once against each',
      ['server', 'result'],
      smoke,
    );
  } finally {
    await scepserver.stop();
    await backend.stop();
  }
}
