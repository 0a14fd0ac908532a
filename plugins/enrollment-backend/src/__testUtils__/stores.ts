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

/**
 * A valid new invitation with overrides; recipients are given as addresses,
 * each with a link of its own (code hash `hash-<id>-<address>`).
 */
export function newInvitation(
  overrides: Partial<Omit<NewInvitation, 'recipients'>> & {
    recipients?: string[];
  } = {},
): NewInvitation {
  const id = overrides.id ?? randomUUID();
  const { recipients = ['alice@example.com'], ...rest } = overrides;
  return {
    id,
    codeNonce: 'nonce',
    codeHash: `hash-${id}`,
    expiresAt: new Date(Date.now() + 7 * 24 * 3600_000),
    requireLogin: true,
    multipleUses: false,
    keepExistingSite: false,
    createdBy: 'user:default/admin',
    createdAt: new Date(),
    ...rest,
    recipients: recipients.map(email => ({
      email,
      codeHash: `hash-${id}-${email.toLowerCase()}`,
    })),
  };
}

/** Inserts many invitations quickly, for paging and benchmarks. */
export async function seedInvitations(
  knex: Knex,
  count: number,
  make: (i: number) => Parameters<typeof newInvitation>[0] = () => ({}),
): Promise<void> {
  const store = new DatabaseInvitationStore(knex);
  for (let i = 0; i < count; i++) {
    await store.create(newInvitation(make(i)));
  }
}
