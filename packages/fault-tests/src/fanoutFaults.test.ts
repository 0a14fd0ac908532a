import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cluster, startCluster } from './cluster';
import { eventually } from '@internal/test-harness';
import { Replica, ROOT } from './replica';

// Two replicas start (minutes on a busy machine), then 10,000 messages go out.
jest.setTimeout(1_500_000);

const RECIPIENTS = Number(process.env.FAULTS_RECIPIENTS ?? 10_000);

/** Which replica holds a connection to `port` now (`ss` names the process). */
function replicaConnectedTo(
  port: number,
  replicas: Replica[],
): Replica | undefined {
  const sockets = execFileSync('ss', ['-tnpH', 'state', 'established'], {
    encoding: 'utf8',
  });
  return replicas.find(replica =>
    sockets
      .split('\n')
      .some(
        line =>
          line.includes(`127.0.0.1:${port} `) &&
          line.includes(`pid=${replica.pid},`),
      ),
  );
}

/**
 * The moonshot figure of issue 12: one invitation to 10,000 recipients
 * while the SMTP relay goes away and comes back, and the replica that is
 * sending the mail is killed (SIGKILL) and started again.
 */
describe('an invitation to 10,000 recipients through faults', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await startCluster({
      route: (_path, replicas) => replicas.get('a') ?? replicas.get('b'),
      smtp: { headersOnly: true },
      enrollment: {
        // A dead replica's claims are taken over after the lease.
        delivery: { intervalSeconds: 1, leaseSeconds: 20 },
      },
    });
    // A fresh database: one replica creates it, then the other joins (README).
    await cluster.start('a').ready();
    await cluster.start('b').ready();
  });
  afterAll(() => cluster?.stop());

  it('delivers every message once, with every recipient’s state right on the invitation', async () => {
    const { smtp } = cluster;
    const recipients = Array.from(
      { length: RECIPIENTS },
      (_, i) => `person${i}@example.com`,
    );
    const started = Date.now();
    const invitation = await cluster.admin(
      cluster.lb.url,
      'POST',
      '/invitations',
      {
        recipients,
        expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        requireLogin: false,
        multipleUses: false,
      },
    );
    const messageIds = () =>
      new Set(smtp.received.map(m => m.parsed.messageId));
    const timeline: Record<string, number> = {};
    const mark = (what: string) => {
      timeline[what] = Date.now() - started;
    };

    // The relay goes away a tenth of the way in, for a few seconds.
    await eventually(
      () => smtp.received.length,
      n => n >= RECIPIENTS / 10,
      'the first tenth delivered',
      300_000,
    );
    await smtp.stop();
    mark('smtp stopped');
    await eventually(
      () =>
        cluster
          .db('enrollment_recipients')
          .where({ invitation_id: invitation.id })
          .whereNotNull('last_error')
          .whereNot({ state: 'sent' })
          .count({ n: '*' })
          .then(r => Number(r[0].n)),
      n => n > 0,
      'a delivery failing while the relay is down',
    );
    await smtp.start();
    mark('smtp started');

    // Four tenths in, the replica sending the mail dies mid-batch.
    await eventually(
      () => smtp.received.length,
      n => n >= (RECIPIENTS * 4) / 10,
      'four tenths delivered',
      600_000,
    );
    const replicas = [...cluster.replicas.values()];
    const sender = await eventually(
      () => replicaConnectedTo(smtp.port, replicas),
      found => found !== undefined,
      'the replica with connections to the relay',
    );
    await sender!.kill();
    mark(`replica ${sender!.name} killed`);
    await cluster.start(sender!.name).ready();
    mark(`replica ${sender!.name} started again`);

    await eventually(
      () => messageIds().size,
      n => n >= RECIPIENTS,
      'every message delivered',
      900_000,
    );
    mark('all delivered');

    // Every recipient got exactly one message (one Message-ID): a message
    // the killed replica sent but could not mark went again with the same
    // Message-ID, which mail systems drop as a duplicate.
    const idsByRecipient = new Map<string, Set<string>>();
    for (const mail of smtp.received) {
      for (const to of mail.envelope.to) {
        const ids = idsByRecipient.get(to) ?? new Set<string>();
        ids.add(mail.parsed.messageId ?? '');
        idsByRecipient.set(to, ids);
      }
    }
    expect(idsByRecipient.size).toBe(RECIPIENTS);
    expect([...idsByRecipient.values()].filter(ids => ids.size !== 1)).toEqual(
      [],
    );
    expect(messageIds().size).toBe(RECIPIENTS);
    const retransmitted = smtp.received.length - RECIPIENTS;

    const details = await cluster.admin(
      cluster.lb.url,
      'GET',
      `/invitations/${invitation.id}`,
    );
    expect(details.delivery).toEqual({
      pending: 0,
      sent: RECIPIENTS,
      failed: 0,
    });
    expect(details.status).toBe('sent');
    const states: Record<string, number> = {};
    for (const r of details.recipientDetails) {
      states[r.state] = (states[r.state] ?? 0) + 1;
    }
    expect(states).toEqual({ sent: RECIPIENTS });

    const results = join(ROOT, 'test-results');
    mkdirSync(results, { recursive: true });
    writeFileSync(
      join(results, 'fanout-faults.json'),
      `${JSON.stringify(
        {
          recipients: RECIPIENTS,
          secondsToAllDelivered: (Date.now() - started) / 1000,
          retransmitted,
          timelineMs: timeline,
        },
        null,
        2,
      )}\n`,
    );
    // A retransmission can only be a message the killed replica had sent
    // but not yet recorded: at most one group of outcomes (100, written
    // together) and the 8 in flight; 8 and 78 were seen.
    expect(retransmitted).toBeLessThanOrEqual(100 + 8);
  });
});
