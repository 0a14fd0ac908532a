/* eslint-disable no-console */
// Percentiles and plain-text tables for the benchmarks' output.

/** The q-th percentile (0–100) of the samples, nearest rank. */
export function percentile(samples: number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((q / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const ms = (value: number, digits = 1) =>
  Number.isFinite(value) ? `${value.toFixed(digits)} ms` : 'n/a';

export const num = (value: number, digits = 1) =>
  Number.isFinite(value) ? value.toFixed(digits) : 'n/a';

export const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

/** Prints a title, then rows under headers with columns padded to fit. */
export function printTable(
  title: string,
  headers: string[],
  rows: string[][],
): void {
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(headers));
  console.log(
    `|${widths
      .map(
        (w, i) =>
          (i === 0 ? ':' : '-').padEnd(w + 1, '-') + (i === 0 ? '-' : ':'),
      )
      .join('|')}|`,
  );
  for (const row of rows) console.log(line(row));
}

/** Runs `worker` on `concurrency` lanes until it returns false. */
export async function lanes(
  concurrency: number,
  worker: (lane: number) => Promise<boolean>,
): Promise<void> {
  await Promise.all(
    Array.from({ length: concurrency }, async (_, lane) => {
      while (await worker(lane)) {
        // next
      }
    }),
  );
}
