import { randomUUID } from 'node:crypto';
import { CommandStatus, MdmCommand } from '@macenroll/plugin-enrollment-common';
import { Knex } from 'knex';
import plist from 'plist';
import { opt, toDate, toIso } from './rows';

const TABLE = 'enrollment_commands';

export type { CommandStatus };

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

/** A command as the admin API lists it. */
function toMdmCommand(row: any): MdmCommand {
  return {
    commandUuid: row.command_uuid,
    requestType: row.request_type,
    status: row.status,
    queuedAt: toIso(row.created_at)!,
    sentAt: toIso(row.sent_at),
    answeredAt: toIso(row.answered_at),
    error: opt(row.error_text) ?? undefined,
  };
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
   * The next command to send, marked sent. As nanomdm orders them: one that
   * was sent but never answered goes again first, then the oldest queued
   * one; one the Mac put off (NotNow) comes back only when the Mac reports
   * Idle, never right after it said NotNow.
   */
  async next(
    computerId: string,
    now: Date,
    options: { includeNotNow: boolean },
  ): Promise<QueuedCommand | undefined> {
    const statuses = options.includeNotNow
      ? ['sent', 'queued', 'notnow']
      : ['sent', 'queued'];
    const row = await this.db(TABLE)
      .where({ computer_id: computerId })
      .whereIn('status', statuses)
      .orderByRaw(
        `CASE status WHEN 'sent' THEN 0 WHEN 'queued' THEN 1 ELSE 2 END`,
      )
      .orderBy('created_at')
      .first();
    if (!row) return undefined;
    await this.db(TABLE)
      .where({ command_uuid: row.command_uuid })
      .update({ status: 'sent', sent_at: now, updated_at: now });
    return toCommand(row);
  }

  /** Whether anything waits to be sent to the computer (a reason to push). */
  async hasPending(computerId: string): Promise<boolean> {
    const row = await this.db(TABLE)
      .where({ computer_id: computerId })
      .whereIn('status', ['queued', 'sent', 'notnow'])
      .first('command_uuid');
    return Boolean(row);
  }

  /**
   * Closes every command not yet answered, as a new Authenticate does: they
   * were meant for the enrollment that ended.
   */
  async clearPending(
    computerId: string,
    reason: string,
    now: Date,
  ): Promise<number> {
    return this.db(TABLE)
      .where({ computer_id: computerId })
      .whereIn('status', ['queued', 'sent', 'notnow'])
      .update({
        status: 'error',
        error_text: reason,
        answered_at: now,
        updated_at: now,
      });
  }

  /** Records the Mac's answer to one of this computer's commands; false for an unknown command. */
  async recordResult(
    computerId: string,
    commandUuid: string,
    status: 'acknowledged' | 'error' | 'notnow',
    result: string,
    now: Date,
    errorText?: string,
  ): Promise<QueuedCommand | undefined> {
    const n = await this.db(TABLE)
      .where({ computer_id: computerId, command_uuid: commandUuid })
      .update({
        status,
        result,
        answered_at: now,
        error_text: errorText ?? null,
        updated_at: now,
      });
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

  /** The computer's command history for admins, newest first. */
  async history(computerId: string, limit = 500): Promise<MdmCommand[]> {
    return (
      await this.db(TABLE)
        .where({ computer_id: computerId })
        .orderBy('created_at', 'desc')
        .orderBy('command_uuid')
        .limit(limit)
    ).map(toMdmCommand);
  }

  async get(
    computerId: string,
    commandUuid: string,
  ): Promise<MdmCommand | undefined> {
    const row = await this.db(TABLE)
      .where({ computer_id: computerId, command_uuid: commandUuid })
      .first();
    return row ? toMdmCommand(row) : undefined;
  }
}
