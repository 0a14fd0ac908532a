import { randomBytes } from 'node:crypto';
import { mockServices } from '@backstage/backend-test-utils';
import {
  createTestDatabases,
  RunningSmtp,
  startSmtpServer,
  testDatabaseIds,
} from '@internal/test-harness';
import { Knex } from 'knex';
import { migrated, newInvitation } from '../__testUtils__/stores';
import { DatabaseInvitationStore } from '../database/DatabaseInvitationStore';
import { DatabaseDeliveryStore } from '../database/DatabaseDeliveryStore';
import { DatabaseEventStore } from '../database/DatabaseEventStore';
import { hashInvitationCode, InvitationCodes } from '../invitations/code';
import { createMailer } from './createMailer';
import {
  DEFAULT_DELIVERY,
  DeliverySettings,
  InvitationDelivery,
  invitationMessageId,
} from './InvitationDelivery';
import { Mailer } from './Mailer';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const codes = new InvitationCodes(randomBytes(32));
const ENROLL_URL = 'http://backstage.example.com/enroll';

describe.each(testDatabaseIds(databases))('InvitationDelivery on %s', id => {
  let smtp: RunningSmtp;
  const mailers: Mailer[] = [];
  beforeEach(async () => {
    smtp = await startSmtpServer({ rejectRecipients: /^nobody@/ });
  });
  afterEach(async () => {
    mailers.splice(0).forEach(m => m.close());
    await smtp.stop();
  });

  function mailer(): Mailer {
    const m = createMailer({
      smtp: smtp.clientConfig(),
      outbox: { directory: '/nonexistent', from: 'x' },
    });
    mailers.push(m);
    return m;
  }

  function delivery(knex: Knex, settings: Partial<DeliverySettings> = {}) {
    return new InvitationDelivery({
      store: new DatabaseDeliveryStore(knex),
      events: new DatabaseEventStore(knex),
      mailer: mailer(),
      codes,
      organization: 'Acme',
      enrollUrl: async () => ENROLL_URL,
      logger: mockServices.logger.mock(),
      settings: {
        ...DEFAULT_DELIVERY,
        // Long enough that a busy machine does not make a retry due again
        // within the same run.
        initialRetryMs: 1000,
        maxRetryMs: 1000,
        ...settings,
      },
    });
  }

  /** An invitation whose codes (its own and each recipient's) are real. */
  async function createWithCode(
    knex: Knex,
    recipients: string[],
    options: { sharedLink?: boolean } = {},
  ) {
    const store = new DatabaseInvitationStore(knex);
    const invitation = newInvitation({
      recipients,
      codeNonce: codes.newNonce(),
    });
    const code = (email?: string) =>
      hashInvitationCode(
        codes.codeFor(invitation.id, invitation.codeNonce, email),
      );
    invitation.codeHash = code();
    invitation.recipients = invitation.recipients.map(r => ({
      ...r,
      codeHash: code(r.email),
    }));
    await store.create(invitation);
    if (options.sharedLink) {
      // As recipients of invitations made before per-recipient links are.
      await knex('enrollment_recipients')
        .where({ invitation_id: invitation.id })
        .update({ code_hash: null });
    }
    return { store, invitation };
  }

  it("sends one message per recipient, each with the recipient's own link", async () => {
    const knex = await migrated(await databases.init(id));
    const { store, invitation } = await createWithCode(knex, [
      'a@example.com',
      'b@example.com',
      'c@example.com',
    ]);
    expect(await delivery(knex).runOnce()).toEqual({
      sent: 3,
      retrying: 0,
      failed: 0,
    });

    const received = await smtp.waitForMessages(3);
    expect(received.map(m => m.envelope.to[0]).sort()).toEqual([
      'a@example.com',
      'b@example.com',
      'c@example.com',
    ]);
    const codeHashes = new Set<string>();
    for (const mail of received) {
      const code = /invitation=([A-Za-z0-9_-]+)/.exec(
        mail.parsed.text ?? '',
      )![1];
      const own = invitation.recipients.find(
        r => r.email === mail.envelope.to[0],
      )!;
      expect(hashInvitationCode(code)).toBe(own.codeHash);
      expect(mail.parsed.html).toContain(`${ENROLL_URL}?invitation=${code}`);
      codeHashes.add(own.codeHash);
    }
    expect(codeHashes.size).toBe(3);
    const after = await store.get(invitation.id, new Date());
    expect(after!.status).toBe('sent');
    expect(
      after!.recipientDetails.every(r => r.state === 'sent' && r.sentAt),
    ).toBe(true);
    // Nothing is due any more: a second run sends nothing.
    expect(await delivery(knex).runOnce()).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect(smtp.received).toHaveLength(3);
  });

  it("sends recipients of an invitation from before per-recipient links the invitation's link", async () => {
    const knex = await migrated(await databases.init(id));
    const { invitation } = await createWithCode(knex, ['a@example.com'], {
      sharedLink: true,
    });
    await delivery(knex).runOnce();
    const [mail] = await smtp.waitForMessages(1);
    const code = /invitation=([A-Za-z0-9_-]+)/.exec(mail.parsed.text ?? '')![1];
    expect(hashInvitationCode(code)).toBe(invitation.codeHash);
  });

  it('keeps recipients pending with the reason while SMTP is down, and sends when it is back', async () => {
    const knex = await migrated(await databases.init(id));
    const { store, invitation } = await createWithCode(knex, ['a@example.com']);
    await smtp.stop();
    expect(await delivery(knex).runOnce()).toEqual({
      sent: 0,
      retrying: 1,
      failed: 0,
    });
    const during = await store.get(invitation.id, new Date());
    expect(during!.status).toBe('pending');
    expect(during!.recipientDetails[0]).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: expect.stringMatching(/ECONNREFUSED/),
      nextAttemptAt: expect.any(String),
    });

    await smtp.start();
    await new Promise(r => setTimeout(r, 1100)); // the retry delay
    expect(await delivery(knex).runOnce()).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    const after = await store.get(invitation.id, new Date());
    expect(after!.recipientDetails[0]).toMatchObject({
      state: 'sent',
      attempts: 2,
    });
    expect(after!.recipientDetails[0].lastError).toBeUndefined();
  });

  it('fails a refused mailbox at once and records why; the others go out', async () => {
    const knex = await migrated(await databases.init(id));
    const { store, invitation } = await createWithCode(knex, [
      'nobody@example.com',
      'a@example.com',
    ]);
    expect(await delivery(knex).runOnce()).toEqual({
      sent: 1,
      retrying: 0,
      failed: 1,
    });
    const after = await store.get(invitation.id, new Date());
    expect(after!.status).toBe('partially-sent');
    expect(after!.recipientDetails[0]).toMatchObject({
      email: 'nobody@example.com',
      state: 'failed',
      lastError: expect.stringContaining('mailbox unavailable'),
    });
    const events = await new DatabaseEventStore(knex).list({
      invitationId: invitation.id,
      offset: 0,
      limit: 10,
    });
    // What failed and whom the mail reached, in the invitation's activity.
    expect(
      events.items.map(e => [e.type, e.message.split(':')[0]]).sort(),
    ).toEqual([
      [
        'invitation.delivery-failed',
        expect.stringContaining('nobody@example.com'),
      ],
      [
        'invitation.mail-sent',
        expect.stringMatching(/^Invitation mail sent to \S+@example\.com$/),
      ],
    ]);
  });

  it('gives up after maxAttempts temporary failures', async () => {
    const knex = await migrated(await databases.init(id));
    const { store, invitation } = await createWithCode(knex, ['a@example.com']);
    await smtp.stop();
    // No retry delay: the run's next round finds it due again at once, so
    // one run makes both attempts, without waiting in real time.
    const worker = delivery(knex, {
      maxAttempts: 2,
      initialRetryMs: 0,
      maxRetryMs: 0,
    });
    expect(await worker.runOnce()).toEqual({
      sent: 0,
      retrying: 1,
      failed: 1,
    });
    expect((await store.get(invitation.id, new Date()))!.status).toBe('failed');
    await smtp.start();
  });

  it('does not mail cancelled invitations', async () => {
    const knex = await migrated(await databases.init(id));
    const { store, invitation } = await createWithCode(knex, ['a@example.com']);
    await store.cancel(invitation.id, new Date());
    expect(await delivery(knex).runOnce()).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect(smtp.received).toHaveLength(0);
  });

  it('gives each message a Message-ID fixed by invitation and recipient, sent again unchanged, and stores it', async () => {
    const knex = await migrated(await databases.init(id));
    const { invitation } = await createWithCode(knex, [
      'a@example.com',
      'b@example.com',
    ]);
    await delivery(knex).runOnce();
    const received = await smtp.waitForMessages(2);
    const rows = await knex('enrollment_recipients')
      .where({ invitation_id: invitation.id })
      .select('id', 'email', 'message_id');
    for (const row of rows) {
      const expected = `<${row.id}.${invitation.id}@backstage.example.com>`;
      expect(
        invitationMessageId(invitation.id, Number(row.id), ENROLL_URL),
      ).toBe(expected);
      expect(row.message_id).toBe(expected);
      const mail = received.find(m => m.envelope.to[0] === row.email)!;
      expect(mail.parsed.messageId).toBe(expected);
    }

    // As after a crash between the relay's 250 and the database write: the
    // message goes again, with the Message-ID of the first.
    await knex('enrollment_recipients')
      .where({ invitation_id: invitation.id, email: 'a@example.com' })
      .update({ state: 'pending', message_id: null, sent_at: null });
    expect((await delivery(knex).runOnce()).sent).toBe(1);
    await smtp.waitForMessages(3);
    const again = smtp.received[2];
    expect(again.envelope.to).toEqual(['a@example.com']);
    expect(again.parsed.messageId).toBe(
      received.find(m => m.envelope.to[0] === 'a@example.com')!.parsed
        .messageId,
    );
  });

  it('sends all that is due in one run, however many rounds of claims that takes', async () => {
    const knex = await migrated(await databases.init(id));
    const recipients = Array.from(
      { length: 120 },
      (_, i) => `r${i}@example.com`,
    );
    const { store, invitation } = await createWithCode(knex, recipients);
    expect(
      await delivery(knex, { batchSize: 1, concurrency: 4 }).runOnce(),
    ).toEqual({ sent: 120, retrying: 0, failed: 0 });
    await smtp.waitForMessages(120);
    expect((await store.get(invitation.id, new Date()))!.status).toBe('sent');
  });

  it('two replicas sending at once never send a message twice', async () => {
    const knex = await migrated(await databases.init(id));
    const recipients = Array.from(
      { length: 40 },
      (_, i) => `r${i}@example.com`,
    );
    await createWithCode(knex, recipients);
    const replicaA = delivery(knex, { batchSize: 5, concurrency: 2 });
    const replicaB = delivery(knex, { batchSize: 5, concurrency: 2 });
    const [a, b] = await Promise.all([replicaA.runOnce(), replicaB.runOnce()]);
    expect(a.sent + b.sent).toBe(40);
    await smtp.waitForMessages(40);
    const to = smtp.received.map(m => m.envelope.to[0]).sort();
    expect(to).toEqual([...recipients].sort());
    expect(new Set(to).size).toBe(40);
  });

  it('a worker that died holding recipients leaves them to the next one after the lease', async () => {
    const knex = await migrated(await databases.init(id));
    const { store, invitation } = await createWithCode(knex, [
      'a@example.com',
      'b@example.com',
    ]);
    // The dead worker's claim, never released.
    const dead = await new DatabaseDeliveryStore(knex).claimDue({
      now: new Date(),
      limit: 10,
      leaseMs: 300,
      claimId: 'dead-worker',
    });
    expect(dead).toHaveLength(2);
    expect(await delivery(knex).runOnce()).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    await new Promise(r => setTimeout(r, 350));
    expect(await delivery(knex).runOnce()).toEqual({
      sent: 2,
      retrying: 0,
      failed: 0,
    });
    // The dead worker's late outcome is ignored: its claim is gone.
    expect(
      await new DatabaseDeliveryStore(knex).markFailed(dead[0], 'late'),
    ).toBe(false);
    const after = await store.get(invitation.id, new Date());
    expect(after!.recipientDetails.map(r => r.state)).toEqual(['sent', 'sent']);
    expect(smtp.received).toHaveLength(2);
  });
});
