/**
 * Polls `read` until `done` accepts its value: for state another process
 * changes (a replica's scheduler, a push queue), never a fixed sleep.
 */
export async function eventually<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not reached within ${timeoutMs} ms (last: ${JSON.stringify(
          value,
        )?.slice(0, 500)})`,
      );
    }
    await new Promise(r => setTimeout(r, 200));
  }
}
