import { Knex } from 'knex';
import {
  SealedIdentityStore,
  StoredSealedIdentity,
} from './SealedIdentityStore';
import { toDate } from './rows';

const ROW_ID = 'default';

/**
 * One sealed identity in a one-row table (`id`, `certificate_pem`,
 * `private_key_sealed`, `updated_at`): the push certificate's and the
 * profile-signing identity's tables have that shape.
 */
export class DatabaseSealedIdentityStore implements SealedIdentityStore {
  constructor(private readonly db: Knex, private readonly table: string) {}

  async get(): Promise<StoredSealedIdentity | undefined> {
    const row = await this.db(this.table).where({ id: ROW_ID }).first();
    return row
      ? {
          certificatePem: row.certificate_pem,
          privateKeySealed: row.private_key_sealed,
          updatedAt: toDate(row.updated_at)!,
        }
      : undefined;
  }

  async put(
    certificatePem: string,
    privateKeySealed: string,
    now: Date,
  ): Promise<void> {
    await this.db(this.table)
      .insert({
        id: ROW_ID,
        certificate_pem: certificatePem,
        private_key_sealed: privateKeySealed,
        updated_at: now,
      })
      .onConflict('id')
      .merge(['certificate_pem', 'private_key_sealed', 'updated_at']);
  }

  async delete(): Promise<boolean> {
    return (await this.db(this.table).where({ id: ROW_ID }).delete()) > 0;
  }
}
