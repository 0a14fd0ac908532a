import { CommandStore, QueuedCommand } from '../database/CommandStore';

/** Whatever wakes a Mac (the APNs push service). */
export interface PushRequester {
  /** Asks for a push to the computer; never throws. */
  request(computerId: string): Promise<void>;
}

type Command = { RequestType: string } & Record<string, unknown>;

/**
 * Queues commands and asks for the push that makes the Mac fetch them: a
 * Mac never polls, so a command queued without a push is never delivered.
 * A push failure never fails the caller.
 */
export class CommandQueue {
  constructor(
    private readonly deps: { commands: CommandStore; push: PushRequester },
  ) {}

  async queue(
    computerId: string,
    commands: Command[],
    now: Date,
  ): Promise<QueuedCommand[]> {
    const queued: QueuedCommand[] = [];
    // A millisecond apart, so the Mac gets them in the order given: the
    // queue is ordered by time, and equal times come back in any order.
    for (const [i, command] of commands.entries()) {
      const at = new Date(now.getTime() + i);
      queued.push(await this.deps.commands.enqueue(computerId, command, at));
    }
    await this.deps.push.request(computerId);
    return queued;
  }

  /** A push with no command: the Mac checks in and finds what is pending. */
  async wake(computerId: string): Promise<void> {
    await this.deps.push.request(computerId);
  }
}
