import { Knex } from 'knex';
import {
  CertificateStore,
  IssuedCertificate,
  IssuedCertificateRecord,
} from './CertificateStore';
import { toDate } from './rows';

const TABLE = 'enrollment_certificates';

/** The Knex-backed certificate store. */
export class DatabaseCertificateStore implements CertificateStore {
  constructor(private readonly db: Knex) {}

  async record(cert: IssuedCertificateRecord): Promise<void> {
    await this.db.transaction(async trx => {
      if (!cert.computerId) {
        await trx(TABLE)
          .where({ enrollment_id: cert.enrollmentId })
          .whereNull('revoked_at')
          .update({ revoked_at: new Date() });
      }
      await trx(TABLE).insert({
        serial_number: cert.serialNumber,
        sha256: cert.sha256,
        enrollment_id: cert.enrollmentId,
        computer_id: cert.computerId ?? null,
        subject: cert.subject,
        not_before: cert.notBefore,
        not_after: cert.notAfter,
        certificate_der_base64: cert.certificateDer.toString('base64'),
        created_at: new Date(),
      });
    });
  }

  async findBySha256(sha256: string): Promise<IssuedCertificate | undefined> {
    const row = await this.db(TABLE).where({ sha256 }).first();
    if (!row) return undefined;
    return {
      serialNumber: row.serial_number,
      sha256: row.sha256,
      enrollmentId: row.enrollment_id,
      computerId: row.computer_id ?? undefined,
      subject: row.subject,
      notBefore: toDate(row.not_before)!,
      notAfter: toDate(row.not_after)!,
      revokedAt: toDate(row.revoked_at),
    };
  }

  async bindComputer(sha256: string, computerId: string): Promise<void> {
    await this.db(TABLE).where({ sha256 }).update({ computer_id: computerId });
  }

  async revoke(sha256: string, now: Date): Promise<void> {
    await this.db(TABLE)
      .where({ sha256 })
      .whereNull('revoked_at')
      .update({ revoked_at: now });
  }
}
