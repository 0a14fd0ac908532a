import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import { migrated, newInvitation } from '../__testUtils__/stores';
import { DatabaseDeliveryStore } from './DatabaseDeliveryStore';
import { DatabaseInvitationStore } from './DatabaseInvitationStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(testDatabaseIds(databases))('DeliveryStore on %s', id => {
  it("writes all of a claim's sent outcomes at once, each with its Message-ID, and recounts the invitation", async () => {
    const knex = await migrated(await databases.init(id));
    const invitations = new DatabaseInvitationStore(knex);
    const store = new DatabaseDeliveryStore(knex);
    const recipients = Array.from({ length: 30 }, (_, i) => `r${i}@x.test`);
    const invitation = newInvitation({ recipients });
    await invitations.create(invitation);
    const now = new Date();
    const first = await store.claimDue({
      now,
      limit: 20,
      leaseMs: 60_000,
      claimId: 'claim-1',
    });
    const second = await store.claimDue({
      now,
      limit: 20,
      leaseMs: 60_000,
      claimId: 'claim-2',
    });
    expect([first.length, second.length]).toEqual([20, 10]);

    // Outcomes of two claims in one group.
    const sent = [...first, ...second].map(delivery => ({
      delivery,
      messageId: `<${delivery.recipientId}.${invitation.id}@example.com>`,
    }));
    const sentAt = new Date(now.getTime() + 1000);
    expect(await store.markSentMany(sent, sentAt)).toBe(30);

    const rows = await knex('enrollment_recipients')
      .where({ invitation_id: invitation.id })
      .orderBy('id');
    expect(rows).toHaveLength(30);
    for (const row of rows) {
      expect(row.state).toBe('sent');
      expect(row.message_id).toBe(`<${row.id}.${invitation.id}@example.com>`);
      expect(row.claim_id).toBeNull();
      expect(row.claimed_until).toBeNull();
      expect(new Date(row.sent_at).getTime()).toBe(sentAt.getTime());
    }
    const after = await invitations.get(invitation.id, new Date());
    expect(after!.status).toBe('sent');
    expect(after!.delivery).toEqual({ pending: 0, sent: 30, failed: 0 });
    // Written once: a second write of the same outcomes finds no claim.
    expect(await store.markSentMany(sent, sentAt)).toBe(0);
  });

  it('leaves recipients whose claim was taken over to their new holder', async () => {
    const knex = await migrated(await databases.init(id));
    const invitations = new DatabaseInvitationStore(knex);
    const store = new DatabaseDeliveryStore(knex);
    const invitation = newInvitation({
      recipients: ['a@x.test', 'b@x.test'],
    });
    await invitations.create(invitation);
    const t0 = new Date();
    const old = await store.claimDue({
      now: t0,
      limit: 10,
      leaseMs: 1000,
      claimId: 'old',
    });
    // After the lease, another worker holds them.
    const taken = await store.claimDue({
      now: new Date(t0.getTime() + 2000),
      limit: 10,
      leaseMs: 60_000,
      claimId: 'new',
    });
    expect(taken).toHaveLength(2);
    expect(
      await store.markSentMany(
        old.map(delivery => ({ delivery, messageId: '<late@x>' })),
        new Date(),
      ),
    ).toBe(0);
    const rows = await knex('enrollment_recipients')
      .where({ invitation_id: invitation.id })
      .select('state', 'claim_id', 'message_id');
    expect(rows).toEqual([
      { state: 'sending', claim_id: 'new', message_id: null },
      { state: 'sending', claim_id: 'new', message_id: null },
    ]);
    expect(await store.markSentMany([], new Date())).toBe(0);
  });
});
