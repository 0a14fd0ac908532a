import { Knex } from 'knex';
import {
  PushCertificateStore,
  StoredPushCertificate,
} from './PushCertificateStore';
import { toDate } from './rows';

const TABLE = 'enrollment_push_certificate';
const ROW_ID = 'default';

/** The Knex-backed push certificate store. */
export class DatabasePushCertificateStore implements PushCertificateStore {
  constructor(private readonly db: Knex) {}

  async get(): Promise<StoredPushCertificate | undefined> {
    const row = await this.db(TABLE).where({ id: ROW_ID }).first();
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
    await this.db(TABLE)
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
    return (await this.db(TABLE).where({ id: ROW_ID }).delete()) > 0;
  }
}
