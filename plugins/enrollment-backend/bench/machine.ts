// What the machine is and how busy it was: all processes share its cores
// (backend, PostgreSQL, scepserver and the benchmark's clients).
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { promisify } from 'node:util';

/** e.g. "2 cores (nproc), AMD EPYC" */
export function describeMachine(): string {
  const model =
    /^model name\s*:\s*(.+)$/m.exec(
      readFileSync('/proc/cpuinfo', 'utf8'),
    )?.[1] ??
    cpus()[0]?.model ??
    'unknown CPU';
  return `${cpus().length} cores (nproc), ${model.trim()}`;
}

interface CpuTimes {
  busy: number;
  total: number;
}

/** The machine's CPU counters (all cores), for busyCores(). */
export function cpuTimes(): CpuTimes {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/);
  // user nice system idle iowait irq softirq steal …
  const values = fields.map(Number);
  const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = values[3] + values[4];
  return { busy: total - idle, total };
}

/** How many cores were busy on average since `since`, e.g. "1.93 of 2". */
export function busyCores(since: CpuTimes): string {
  const now = cpuTimes();
  const share = (now.busy - since.busy) / Math.max(1, now.total - since.total);
  return `${(share * cpus().length).toFixed(2)} of ${cpus().length}`;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name in parentheses: state is field 3; utime 14, stime 15.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(rest[11]) + Number(rest[12]);
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** The machine and what else kept it busy over 2 s, before a benchmark starts. */
export async function machineLine(): Promise<string> {
  const since = cpuTimes();
  await new Promise(r => setTimeout(r, 2000));
  return `Machine: ${describeMachine()}; busy before the start (other processes, 2 s): ${busyCores(
    since,
  )} cores`;
}

/** CPU time (ms) of every PostgreSQL process on the machine (all databases). */
export function postgresCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') {
        total += processCpuMs(Number(entry));
      }
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/**
 * The event-loop delay max (ms, 1 ms resolution) of a Node process that does
 * nothing for 3 s: the floor this machine puts under any measurement of it.
 */
export async function emptyProcessDelayMaxMs(): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    '-e',
    `const h = require('node:perf_hooks').monitorEventLoopDelay({ resolution: 1 });
     h.enable();
     setTimeout(() => console.log(h.max / 1e6), 3000);`,
  ]);
  return Number(stdout);
}
