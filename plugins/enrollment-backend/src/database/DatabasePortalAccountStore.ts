import { ConflictError, NotFoundError } from '@backstage/errors';
import { PortalAccount } from '@macenroll/plugin-enrollment-common';
import { Knex } from 'knex';
import {
  PortalAccountChange,
  PortalAccountPerson,
  PortalAccountStore,
} from './PortalAccountStore';
import { toBool, toIso } from './rows';

const TABLE = 'enrollment_portal_accounts';

function toAccount(row: any): PortalAccount {
  return {
    username: row.username,
    disabled: toBool(row.disabled),
    source: row.source,
    mayReenrollAnyMac: toBool(row.may_reenroll_any_mac ?? false),
    ...(row.real_name ? { realName: row.real_name } : {}),
    ...(row.email ? { email: row.email } : {}),
    createdAt: toIso(row.created_at)!,
    updatedAt: toIso(row.updated_at)!,
  };
}

/** The Knex-backed portal accounts; `source` tells config's from admins'. */
export class DatabasePortalAccountStore implements PortalAccountStore {
  constructor(private readonly db: Knex) {}

  async list(): Promise<PortalAccount[]> {
    return (await this.db(TABLE).orderBy('username')).map(toAccount);
  }

  async getForLogin(
    username: string,
  ): Promise<{ account: PortalAccount; passwordHash: string } | undefined> {
    const row = await this.db(TABLE).where({ username }).first();
    return row
      ? { account: toAccount(row), passwordHash: row.password_hash }
      : undefined;
  }

  async create(
    username: string,
    passwordHash: string,
    person: PortalAccountPerson = {},
  ): Promise<PortalAccount> {
    const now = new Date();
    const existing = await this.db(TABLE).where({ username }).first();
    if (existing)
      throw new ConflictError(
        `A portal account named "${username}" already exists`,
      );
    await this.db(TABLE).insert({
      username,
      password_hash: passwordHash,
      disabled: false,
      source: 'admin',
      real_name: person.realName || null,
      email: person.email || null,
      created_at: now,
      updated_at: now,
    });
    return toAccount((await this.db(TABLE).where({ username }).first())!);
  }

  async update(
    username: string,
    change: PortalAccountChange,
  ): Promise<PortalAccount> {
    const row = await this.db(TABLE).where({ username }).first();
    if (!row)
      throw new NotFoundError(`There is no portal account named "${username}"`);
    if (
      row.source === 'config' &&
      (change.disabled !== undefined ||
        change.passwordHash ||
        change.realName !== undefined ||
        change.email !== undefined)
    ) {
      throw new ConflictError(
        `The portal account "${username}" comes from app-config (enrollment.portal.localAccounts); change it there`,
      );
    }
    await this.db(TABLE)
      .where({ username })
      .update({
        ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
        ...(change.passwordHash ? { password_hash: change.passwordHash } : {}),
        ...(change.mayReenrollAnyMac !== undefined
          ? { may_reenroll_any_mac: change.mayReenrollAnyMac }
          : {}),
        ...(change.realName !== undefined
          ? { real_name: change.realName || null }
          : {}),
        ...(change.email !== undefined ? { email: change.email || null } : {}),
        updated_at: new Date(),
      });
    return toAccount((await this.db(TABLE).where({ username }).first())!);
  }

  async mayReenrollAnyMac(username: string): Promise<boolean> {
    const row = await this.db(TABLE).where({ username }).first();
    return Boolean(
      row && !toBool(row.disabled) && toBool(row.may_reenroll_any_mac),
    );
  }

  async upgradePasswordHash(
    username: string,
    previousHash: string,
    passwordHash: string,
  ): Promise<void> {
    await this.db(TABLE)
      .where({ username, password_hash: previousHash })
      .update({ password_hash: passwordHash });
  }

  async syncFromConfig(
    accounts: Array<
      { username: string; passwordHash: string } & PortalAccountPerson
    >,
  ): Promise<void> {
    const now = new Date();
    await this.db.transaction(async trx => {
      await trx(TABLE)
        .where({ source: 'config' })
        .whereNotIn(
          'username',
          accounts.map(a => a.username),
        )
        .delete();
      for (const account of accounts) {
        await trx(TABLE)
          .insert({
            username: account.username,
            password_hash: account.passwordHash,
            disabled: false,
            source: 'config',
            real_name: account.realName || null,
            email: account.email || null,
            created_at: now,
            updated_at: now,
          })
          .onConflict('username')
          .merge([
            'password_hash',
            'source',
            'real_name',
            'email',
            'updated_at',
          ]);
      }
    });
  }
}
