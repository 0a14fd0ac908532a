import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import plist from 'plist';
import { toDate } from './rows';

const TABLE = 'enrollment_commands';

/** How long a command the Mac answered NotNow waits before it is offered again. */
const NOT_NOW_DELAY_MS = 60_000;

export type CommandStatus =
  | 'queued'
  | 'sent'
  | 'acknowledged'
  | 'error'
  | 'notnow';

export interface QueuedCommand {
  commandUuid: string;
  computerId: string;
  requestType: string;
  /** The plist XML sent to the Mac. */
  payload: string;
  status: CommandStatus;
  result?: string;
  createdAt: Date;
}

function toCommand(row: any): QueuedCommand {
  return {
    commandUuid: row.command_uuid,
    computerId: row.computer_id,
    requestType: row.request_type,
    payload: row.payload,
    status: row.status,
    result: row.result ?? undefined,
    createdAt: toDate(row.created_at)!,
  };
}

/** The per-computer MDM command queue, in the database so any replica can serve a poll. */
export class CommandStore {
  constructor(private readonly db: Knex) {}

  async enqueue(
    computerId: string,
    command: { RequestType: string } & Record<string, unknown>,
    now: Date,
  ): Promise<QueuedCommand> {
    const commandUuid = randomUUID().toUpperCase();
    const payload = plist.build({
      CommandUUID: commandUuid,
      Command: command,
    } as plist.PlistValue);
    await this.db(TABLE).insert({
      command_uuid: commandUuid,
      computer_id: computerId,
      request_type: command.RequestType,
      payload,
      status: 'queued',
      created_at: now,
      updated_at: now,
    });
    return toCommand(
      (await this.db(TABLE).where({ command_uuid: commandUuid }).first())!,
    );
  }

  /**
   * The next command to send: the oldest queued one, else one the Mac put
   * off (NotNow) a while ago. It is marked sent.
   */
  async next(
    computerId: string,
    now: Date,
  ): Promise<QueuedCommand | undefined> {
    const row = await this.db(TABLE)
      .where({ computer_id: computerId })
      .andWhere(q =>
        q
          .where('status', 'queued')
          .orWhere(w =>
            w
              .where('status', 'notnow')
              .andWhere(
                'updated_at',
                '<=',
                new Date(now.getTime() - NOT_NOW_DELAY_MS),
              ),
          ),
      )
      .orderByRaw(`CASE WHEN status = 'queued' THEN 0 ELSE 1 END`)
      .orderBy('created_at')
      .first();
    if (!row) return undefined;
    await this.db(TABLE)
      .where({ command_uuid: row.command_uuid })
      .update({ status: 'sent', sent_at: now, updated_at: now });
    return toCommand(row);
  }

  /** Records the Mac's answer to one of this computer's commands; false for an unknown command. */
  async recordResult(
    computerId: string,
    commandUuid: string,
    status: 'acknowledged' | 'error' | 'notnow',
    result: string,
    now: Date,
  ): Promise<QueuedCommand | undefined> {
    const n = await this.db(TABLE)
      .where({ computer_id: computerId, command_uuid: commandUuid })
      .update({ status, result, updated_at: now });
    if (!n) return undefined;
    return toCommand(
      (await this.db(TABLE).where({ command_uuid: commandUuid }).first())!,
    );
  }

  async list(computerId: string): Promise<QueuedCommand[]> {
    return (
      await this.db(TABLE)
        .where({ computer_id: computerId })
        .orderBy('created_at')
    ).map(toCommand);
  }
}
