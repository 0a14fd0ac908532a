/* eslint-disable no-console */
import { performance } from 'node:perf_hooks';

const RUNS = 30;

/** Runs `fn` once to warm up, then RUNS times, and prints the median and p95. */
export async function time(label: string, fn: () => Promise<unknown>) {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  const p95 = samples[Math.floor(samples.length * 0.95)];
  console.log(
    `  ${label.padEnd(52)} median ${median
      .toFixed(1)
      .padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms`,
  );
}
