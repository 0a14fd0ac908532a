import { Knex } from 'knex';
import { DatabaseSealedIdentityStore } from './DatabaseSealedIdentityStore';
import { PushCertificateStore } from './PushCertificateStore';

/** The Knex-backed push certificate store. */
export class DatabasePushCertificateStore
  extends DatabaseSealedIdentityStore
  implements PushCertificateStore
{
  constructor(db: Knex) {
    super(db, 'enrollment_push_certificate');
  }
}
