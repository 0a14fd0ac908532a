import { Knex } from 'knex';

/** A CA certificate and key as kept in the database, PEM. */
export interface StoredCa {
  certificatePem: string;
  privateKeyPem: string;
}

/** Where the generated CA is kept. */
export interface CaStore {
  /** The CA kept so far, if any. */
  get(): Promise<StoredCa | undefined>;
  /**
   * Keeps `candidate` unless a CA is already kept, and returns the one kept:
   * replicas racing at first start-up all end with the same CA.
   */
  keepFirst(candidate: StoredCa): Promise<StoredCa>;
}

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
