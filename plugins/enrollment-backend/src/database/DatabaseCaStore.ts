import { Knex } from 'knex';
import { CaStore, StoredCa } from './CaStore';

const TABLE = 'enrollment_ca';
const ROW_ID = 'default';

/** The Knex-backed CA store. */
export class DatabaseCaStore implements CaStore {
  constructor(private readonly db: Knex) {}

  async get(): Promise<StoredCa | undefined> {
    const row = await this.db(TABLE).where({ id: ROW_ID }).first();
    return row
      ? {
          certificatePem: row.certificate_pem,
          privateKeyPem: row.private_key_pem,
        }
      : undefined;
  }

  async keepFirst(candidate: StoredCa): Promise<StoredCa> {
    await this.db(TABLE)
      .insert({
        id: ROW_ID,
        certificate_pem: candidate.certificatePem,
        private_key_pem: candidate.privateKeyPem,
        created_at: new Date(),
      })
      .onConflict('id')
      .ignore();
    const kept = await this.get();
    if (!kept) {
      throw new Error('The enrollment CA could not be stored');
    }
    return kept;
  }
}
