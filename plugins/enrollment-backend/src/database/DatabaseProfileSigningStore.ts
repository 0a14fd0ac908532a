import { Knex } from 'knex';
import { DatabaseSealedIdentityStore } from './DatabaseSealedIdentityStore';
import { ProfileSigningStore } from './ProfileSigningStore';

/** The Knex-backed profile-signing identity store. */
export class DatabaseProfileSigningStore
  extends DatabaseSealedIdentityStore
  implements ProfileSigningStore
{
  constructor(db: Knex) {
    super(db, 'enrollment_profile_signing');
  }
}
