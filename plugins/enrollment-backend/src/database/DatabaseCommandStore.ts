import { randomUUID } from 'node:crypto';
import { MdmCommand } from '@macenroll/plugin-enrollment-common';
import { Knex } from 'knex';
import plist from 'plist';
import {
  CommandBody,
  CommandOutcome,
  CommandStore,
  ForgottenCommands,
  INVENTORY_REQUEST_TYPES,
  QueuedCommand,
} from './CommandStore';
import { opt, toDate, toIso } from './rows';

const TABLE = 'enrollment_commands';

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

/** The Knex-backed command queue. */
export class DatabaseCommandStore implements CommandStore {
  constructor(private readonly db: Knex) {}

  async enqueue(
    computerId: string,
    command: CommandBody,
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

  async hasPending(computerId: string): Promise<boolean> {
    const row = await this.db(TABLE)
      .where({ computer_id: computerId })
      .whereIn('status', ['queued', 'sent', 'notnow'])
      .first('command_uuid');
    return Boolean(row);
  }

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

  async forgetHistory(
    computerId: string,
    which: ForgottenCommands,
  ): Promise<number> {
    const query = this.db(TABLE).where({ computer_id: computerId });
    if (which === 'errors') query.where({ status: 'error' });
    if (which === 'all-but-acknowledged')
      query.whereNot({ status: 'acknowledged' });
    return query.delete();
  }

  async forgetInventory(computerId: string): Promise<number> {
    return this.db(TABLE)
      .where({ computer_id: computerId })
      .whereIn('request_type', [...INVENTORY_REQUEST_TYPES])
      .delete();
  }

  async recordResult(
    computerId: string,
    commandUuid: string,
    status: CommandOutcome,
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
