/**
 * Runs a drain of queued work one at a time in this process. A call that
 * comes while a run is going waits for it, then one more pass runs for
 * every call that came meanwhile: runs never overlap, and work queued
 * during a run is never left waiting for the next scheduled task.
 */
export class RunsInTurn {
  private running?: Promise<void>;
  private again = false;

  async run(pass: () => Promise<void>): Promise<void> {
    while (this.running) {
      this.again = true;
      await this.running;
    }
    const run = (async () => {
      do {
        this.again = false;
        await pass();
      } while (this.again);
    })();
    this.running = run;
    try {
      await run;
    } finally {
      this.running = undefined;
    }
  }
}
