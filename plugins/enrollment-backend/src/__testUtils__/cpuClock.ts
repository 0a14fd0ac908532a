/**
 * Milliseconds of CPU this process has used: a time budget measured with it
 * holds on a busy machine, where wall time also counts other processes'
 * turns, and still catches a parser that loops or backtracks for ever.
 */
export function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
