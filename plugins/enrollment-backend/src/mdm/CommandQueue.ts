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
    for (const command of commands) {
      queued.push(await this.deps.commands.enqueue(computerId, command, now));
    }
    await this.deps.push.request(computerId);
    return queued;
  }

  /** A push with no command: the Mac checks in and finds what is pending. */
  async wake(computerId: string): Promise<void> {
    await this.deps.push.request(computerId);
  }
}
