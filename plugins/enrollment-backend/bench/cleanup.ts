// What the benchmarks start (child processes, databases, temp folders) is
// stopped and removed here, also when the run is interrupted.

const cleanups: Array<() => Promise<void> | void> = [];
let installed = false;

/** Registers `fn`; the returned function runs it once, now, and unregisters it. */
export function onCleanup(fn: () => Promise<void> | void): () => Promise<void> {
  if (!installed) {
    installed = true;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        runCleanups().finally(() => process.exit(130));
      });
    }
  }
  cleanups.push(fn);
  return async () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) {
      cleanups.splice(i, 1);
      await fn();
    }
  };
}

/** Runs every registered cleanup, newest first. */
export async function runCleanups(): Promise<void> {
  while (cleanups.length) {
    const fn = cleanups.pop()!;
    try {
      await fn();
    } catch (error) {
      process.stderr.write(`cleanup failed: ${error}\n`);
    }
  }
}
