import { randomUUID } from 'node:crypto';
import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseInvitationStore } from '../database/DatabaseInvitationStore';
import { NewInvitation } from '../database/InvitationStore';
import { applyMigrations } from '../database/migrations';

/** A migrated database for store tests. */
export async function migrated(knex: Knex): Promise<Knex> {
  await applyMigrations(mockServices.database({ knex }));
  return knex;
}

/** A valid new invitation with overrides. */
export function newInvitation(
  overrides: Partial<NewInvitation> = {},
): NewInvitation {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    codeNonce: 'nonce',
    codeHash: `hash-${id}`,
    recipients: ['alice@example.com'],
    expiresAt: new Date(Date.now() + 7 * 24 * 3600_000),
    requireLogin: true,
    multipleUses: false,
    keepExistingSite: false,
    createdBy: 'user:default/admin',
    createdAt: new Date(),
    ...overrides,
  };
}

/** Inserts many invitations quickly, for paging and benchmarks. */
export async function seedInvitations(
  knex: Knex,
  count: number,
  make: (i: number) => Partial<NewInvitation> = () => ({}),
): Promise<void> {
  const store = new DatabaseInvitationStore(knex);
  for (let i = 0; i < count; i++) {
    await store.create(newInvitation(make(i)));
  }
}
