/* eslint-disable no-console */
// Benchmark 3: does one public request hold up the others? The portal page's
// latency at idle and while refused SCEP requests arrive as fast as the
// backend answers them, with the backend's own event-loop delay.
import { performance } from 'node:perf_hooks';
import { SAFARI_14 } from '../src/__testUtils__/macAtPortal';
import { startBenchBackend } from './backend';
import { BackendWindow } from './backendChild';
import { httpRequest } from './http';
import {
  busyCores,
  cpuTimes,
  emptyProcessDelayMaxMs,
  machineLine,
} from './machine';
import { makeRequesters } from './requesters';
import {
  caCertificateOf,
  junkEnvelopeRequest,
  oversizedKeyRequest,
  postPkiOperation,
} from './scepMessages';
import { lanes, ms, num, pass, percentile, printTable } from './stats';

const PROBES = Number(process.env.BENCH_PROBES ?? 200);
const ATTACKERS = Number(process.env.BENCH_ATTACKERS ?? 4);
const OVERSIZED_BITS = Number(process.env.BENCH_OVERSIZED_BITS ?? 16384);
const POOL = 10;
const ALONE = 20;

export async function benchEventLoop(): Promise<void> {
  console.log(
    `\n## Event loop: GET {base}/enroll at idle and under refused SCEP requests (${ATTACKERS} clients back to back)`,
  );
  console.log(await machineLine());
  const backend = await startBenchBackend();
  try {
    const scep = `${backend.base}/scep`;
    const requesters = await makeRequesters(2, i => `Hostile ${i}`);
    const ca = await caCertificateOf(scep);
    const kinds = {
      'junk envelope (random key transport)': Array.from(
        { length: POOL },
        (_, i) => junkEnvelopeRequest(requesters[i % 2], ca),
      ),
      [`CSR with an RSA-${OVERSIZED_BITS} key`]: Array.from(
        { length: POOL },
        (_, i) => oversizedKeyRequest(requesters[i % 2], ca, OVERSIZED_BITS),
      ),
    };
    const hostile = Object.values(kinds).flatMap((pool, k) =>
      pool.map(der => ({ der, kind: Object.keys(kinds)[k] })),
    );
    const page = () =>
      httpRequest(`${backend.base}/enroll`, {
        headers: { 'User-Agent': SAFARI_14 },
      });
    const probe = async () => {
      const samples: number[] = [];
      for (let i = 0; i < PROBES; i++) {
        const answer = await page();
        if (answer.status !== 200)
          throw new Error(`GET /enroll: ${answer.status}`);
        samples.push(answer.elapsedMs);
      }
      return samples;
    };
    const statuses = new Map<string, number>();
    const attack = async (der: Buffer, kind: string) => {
      const answer = await postPkiOperation(scep, der);
      const key = `${kind}: HTTP ${answer.status}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    };
    // Warm-up.
    for (let i = 0; i < 20; i++) await page();
    for (const { der, kind } of hostile) await attack(der, kind);
    statuses.clear();

    // Each kind of request alone, one after another: what one of them costs the loop.
    const alone: string[][] = [];
    let worstBound = 0;
    const measureAlone = async (
      label: string,
      send: () => Promise<unknown>,
    ) => {
      await backend.reset();
      const t0 = performance.now();
      for (let i = 0; i < ALONE; i++) await send();
      const perRequest = (performance.now() - t0) / ALONE;
      const w = await backend.read();
      // One request at a time: no synchronous slice of a request can be
      // longer than all the CPU the backend spent on it (every thread, GC
      // included), so CPU/req bounds the longest block from above, where the
      // 1 ms-resolution delay histogram cannot see below this VM's floor.
      const cpuPerRequest = w.cpuMs / ALONE;
      worstBound = Math.max(worstBound, cpuPerRequest);
      alone.push([
        label,
        ms(perRequest),
        ms(cpuPerRequest),
        ms(w.delayMaxMs),
        pass(cpuPerRequest <= 5),
      ]);
    };
    const floor = await emptyProcessDelayMaxMs();
    alone.push([
      "an empty Node process (3 s), the machine's floor",
      '–',
      '–',
      ms(floor),
      '–',
    ]);
    await backend.reset();
    await new Promise(r => setTimeout(r, 2000));
    const quiet = await backend.read();
    alone.push([
      'the backend, no request (2 s)',
      '–',
      '–',
      ms(quiet.delayMaxMs),
      '–',
    ]);
    await measureAlone('GET {base}/enroll', page);
    for (const [kind, pool] of Object.entries(kinds)) {
      let i = 0;
      await measureAlone(`PKIOperation, ${kind}`, () =>
        attack(pool[i++ % POOL], kind),
      );
    }
    statuses.clear();

    // Idle, then under load.
    await backend.reset();
    const idle = await probe();
    const idleWindow = await backend.read();

    let stop = false;
    let sent = 0;
    await backend.reset();
    const machine0 = cpuTimes();
    const t0 = performance.now();
    const attackers = lanes(ATTACKERS, async lane => {
      if (stop) return false;
      const { der, kind } =
        hostile[(sent++ * ATTACKERS + lane) % hostile.length];
      await attack(der, kind);
      return true;
    });
    await new Promise(r => setTimeout(r, 500));
    const loaded = await probe();
    stop = true;
    await attackers;
    const attackSeconds = (performance.now() - t0) / 1000;
    const loadWindow = await backend.read();
    const machine = busyCores(machine0);

    printTable(
      `Each request alone, ${ALONE} in a row: the backend's CPU per request bounds its longest block (event-loop delay max over the run for comparison)`,
      [
        'request',
        'round trip',
        'backend CPU/req',
        'event-loop max',
        'block ≤ CPU/req ≤ 5 ms',
      ],
      alone,
    );
    const row = (
      label: string,
      samples: number[],
      w: BackendWindow,
      extra: string,
    ) => [
      label,
      ms(percentile(samples, 50)),
      ms(percentile(samples, 95)),
      ms(w.delayP99Ms),
      ms(w.delayMaxMs),
      extra,
    ];
    printTable(
      `GET {base}/enroll, ${PROBES} one after another`,
      [
        'phase',
        'p50',
        'p95',
        'event-loop p99',
        'event-loop max',
        'refused SCEP answered',
      ],
      [
        row('idle', idle, idleWindow, '–'),
        row(
          `under refused SCEP (${ATTACKERS} clients)`,
          loaded,
          loadWindow,
          `${sent} in ${num(attackSeconds, 1)} s = ${num(
            sent / attackSeconds,
            1,
          )}/s`,
        ),
      ],
    );
    const ratio = percentile(loaded, 95) / percentile(idle, 95);
    console.log(
      `\np95 under load ÷ p95 idle: ${num(
        ratio,
        1,
      )}×; machine busy under load: ${machine} cores`,
    );
    console.log(
      `longest block of one public request, bounded by its CPU: ≤ ${ms(
        worstBound,
      )}   goal ≤ 5 ms: ${pass(worstBound <= 5)}`,
    );
    console.log(
      `backend event-loop delay max under load (queueing of ${ATTACKERS} clients included): ${ms(
        loadWindow.delayMaxMs,
      )}`,
    );
    console.log(
      `answers to the refused requests: ${[...statuses]
        .map(([k, n]) => `${k} ×${n}`)
        .join('; ')}`,
    );
  } finally {
    await backend.stop();
  }
}
