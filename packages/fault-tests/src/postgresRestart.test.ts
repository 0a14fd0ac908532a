import {
  authenticateMessage,
  enrollSimulatedMac,
  SimulatedMac,
  tokenUpdateMessage,
} from '@internal/test-harness';
import knexFactory, { Knex } from 'knex';
import { Cluster, PERSON, startCluster } from './cluster';
import { eventually } from '@internal/test-harness';
import { PrivatePostgres, startPrivatePostgres } from './privatePostgres';

// The replica transpiles the backend as it starts: minutes on a busy machine.
jest.setTimeout(900_000);

/**
 * The real demo backend on a PostgreSQL server of the test's own, which the
 * test stops and starts under it, as an operator's restart or a failover does.
 */
describe('PostgreSQL restarted under a running backend', () => {
  let pg: PrivatePostgres;
  let cluster: Cluster;

  beforeAll(async () => {
    pg = await startPrivatePostgres();
    cluster = await startCluster({
      postgres: pg.url,
      route: (_path, replicas) => replicas.get('a'),
      // Claims the lost database could not release are taken over soon.
      enrollment: { delivery: { intervalSeconds: 1, leaseSeconds: 10 } },
      smtp: { headersOnly: true, acceptDelayMs: 5 },
    });
    await cluster.start('a').ready();
  });
  afterAll(async () => {
    await cluster?.stop();
    pg?.destroy();
  });

  /** A Mac that has its identity and has not checked in yet. */
  async function macAfterScep(
    udid: string,
  ): Promise<{ mac: SimulatedMac; invitationId: string }> {
    const invitation = await cluster.admin(
      cluster.lb.url,
      'POST',
      '/invitations',
      {
        recipients: [],
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        requireLogin: true,
        multipleUses: true,
      },
    );
    const mac = await enrollSimulatedMac({
      backendUrl: cluster.lb.url,
      ...PERSON,
      udid,
      deviceName: 'Restarted MacBook',
      invitationUrl: invitation.url,
      checkIn: false,
    });
    return { mac, invitationId: invitation.id };
  }

  /** What the TokenUpdate writes, read straight from the tables. */
  async function written(udid: string, invitationId: string) {
    // A pool of its own: the server it knew is gone.
    const db = knexFactory({
      client: 'pg',
      connection: `${pg.url}/${cluster.prefix}enrollment`,
    });
    try {
      return await readWritten(db, udid, invitationId);
    } finally {
      await db.destroy();
    }
  }

  async function readWritten(db: Knex, udid: string, invitationId: string) {
    const device = await db('enrollment_computers').where({ udid }).first();
    const commands = await db('enrollment_commands')
      .where({ computer_id: device.id })
      .count({ n: '*' });
    const invitation = await db('enrollment_invitations')
      .where({ id: invitationId })
      .first();
    const enrolledEvents = await db('enrollment_events')
      .where({ computer_id: device.id, type: 'mdm.enrolled' })
      .count({ n: '*' });
    return {
      status: device.status,
      token: device.push_token_base64 !== null,
      commands: Number(commands[0].n),
      timesUsed: invitation.times_used,
      enrolledEvents: Number(enrolledEvents[0].n),
    };
  }

  it('an enrollment in flight gets a 503, leaves nothing half-written, and the Mac’s retry completes it once', async () => {
    const udid = '5A1E0000-0000-4000-8000-00000000DB01';
    const { mac, invitationId } = await macAfterScep(udid);
    try {
      const authenticated = await mac.send(
        mac.checkInUrl,
        authenticateMessage(mac.topic, udid, 'Restarted MacBook'),
      );
      expect(authenticated.status).toBe(200);

      // Hold the TokenUpdate midway: its first writes done, its commands
      // waiting on a lock, when the database goes down under it.
      const blocker = await cluster.db.transaction();
      let answered: string | undefined;
      try {
        await blocker.raw('LOCK TABLE enrollment_commands IN EXCLUSIVE MODE');
        const inFlight = mac
          .send(mac.checkInUrl, tokenUpdateMessage(mac.topic, udid))
          .then(async res => {
            answered = `${res.status} ${await res.text()}`;
            return answered;
          });
        await eventually(
          async () => {
            if (answered) {
              throw new Error(`The TokenUpdate did not wait: ${answered}`);
            }
            // Outside the blocker's transaction, which sees one snapshot of the statistics.
            const { rows } = await cluster.db.raw(
              `SELECT wait_event_type AS wait, left(query, 80) AS query
               FROM pg_stat_activity
               WHERE state <> 'idle' AND pid <> pg_backend_pid()`,
            );
            return rows as { wait: string | null; query: string }[];
          },
          rows =>
            rows.some(
              r => r.wait === 'Lock' && /enrollment_commands/.test(r.query),
            ),
          'the TokenUpdate waiting on the lock',
        );
        pg.stop('fast');
        // Never a 401 (that would unenroll the Mac): "try again".
        expect(await inFlight).toMatch(/^503 .*try again/i);
      } finally {
        await blocker.rollback().catch(() => undefined);
      }

      pg.start();
      expect(await written(udid, invitationId)).toEqual({
        status: 'enrolling',
        token: false,
        commands: 0,
        timesUsed: 0,
        enrolledEvents: 0,
      });

      // The Mac sends its TokenUpdate again, as macOS does.
      const retried = await mac.send(
        mac.checkInUrl,
        tokenUpdateMessage(mac.topic, udid),
      );
      expect(retried.status).toBe(200);
      expect(await written(udid, invitationId)).toEqual({
        status: 'enrolled',
        token: true,
        commands: 2,
        timesUsed: 1,
        enrolledEvents: 1,
      });
      const token = Buffer.from(`token-${udid}`).toString('hex');
      await eventually(
        () => cluster.apns.requests.filter(r => r.token === token).length,
        n => n >= 1,
        'the push after the commit',
      );
    } finally {
      mac.remove();
    }
  });

  it('while it is down, the admin API and the Mac get a 503 that says to try again; after, the plugin carries on', async () => {
    const udid = '5A1E0000-0000-4000-8000-00000000DB02';
    const { mac } = await macAfterScep(udid);
    try {
      pg.stop('fast');
      const started = Date.now();
      const list = await fetch(`${cluster.lb.url}/api/enrollment/invitations`, {
        headers: { Authorization: cluster.adminAuthorization },
      });
      expect(list.status).toBe(503);
      const body = await list.json();
      expect(body.error).toMatchObject({
        name: 'ServiceUnavailableError',
        message: expect.stringMatching(/database cannot be reached/),
      });
      // The cause stays in the log (the demo runs in development mode,
      // where Backstage adds a stack trace; production does not).
      expect(body.error.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
      const portal = await fetch(`${cluster.lb.url}/api/enrollment/enroll`);
      expect(portal.status).toBe(503);
      const page = await portal.text();
      expect(page).toMatch(/id="enroll-error"/);
      expect(page).toMatch(/Enrollment is briefly unavailable/);
      expect(page).not.toMatch(/ECONNREFUSED|Knex|at .*\.ts:/);
      const checkin = await mac.send(
        mac.checkInUrl,
        authenticateMessage(mac.topic, udid, 'Restarted MacBook'),
      );
      expect(checkin.status).toBe(503);
      // A clear answer, not a request hanging on the pool.
      expect(Date.now() - started).toBeLessThan(30_000);

      pg.start();
      await eventually(
        () =>
          fetch(`${cluster.lb.url}/api/enrollment/invitations`, {
            headers: { Authorization: cluster.adminAuthorization },
          }).then(r => r.status),
        status => status === 200,
        'the admin API after the restart',
      );
      const again = await mac.send(
        mac.checkInUrl,
        authenticateMessage(mac.topic, udid, 'Restarted MacBook'),
      );
      expect(again.status).toBe(200);
    } finally {
      mac.remove();
    }
  });

  it('a mail batch it stops under: every recipient gets one message, and the invitation’s counts match its recipients', async () => {
    const { smtp } = cluster;
    const count = 300;
    const recipients = Array.from(
      { length: count },
      (_, i) => `batch${i}@example.com`,
    );
    const invitation = await cluster.admin(
      cluster.lb.url,
      'POST',
      '/invitations',
      {
        recipients,
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        requireLogin: false,
        multipleUses: false,
      },
    );
    const ours = () =>
      smtp.received.filter(m => m.envelope.to[0]?.startsWith('batch'));
    await eventually(
      () => ours().length,
      n => n >= 30,
      'the batch under way',
      120_000,
    );
    pg.stop('fast');
    const sentWhileDown = ours().length;
    pg.start();

    const idsByRecipient = () => {
      const ids = new Map<string, Set<string>>();
      for (const mail of ours()) {
        const to = mail.envelope.to[0];
        ids.set(to, (ids.get(to) ?? new Set()).add(mail.parsed.messageId!));
      }
      return ids;
    };
    // The scheduler's lock of the interrupted run lapses within its
    // two-minute timeout; then the rest goes out.
    await eventually(
      () => idsByRecipient().size,
      n => n >= count,
      'every recipient mailed',
      420_000,
    );
    expect(sentWhileDown).toBeLessThan(count);
    // One Message-ID per recipient: a message sent while its mark could
    // not be written went again under the same ID.
    expect(
      [...idsByRecipient().values()].filter(ids => ids.size !== 1),
    ).toEqual([]);
    const details = await eventually(
      () =>
        cluster.admin(cluster.lb.url, 'GET', `/invitations/${invitation.id}`),
      d => d.delivery.pending === 0,
      'the invitation settled',
    );
    expect(details.delivery).toEqual({ pending: 0, sent: count, failed: 0 });
    expect(
      details.recipientDetails.filter(
        (r: { state: string }) => r.state !== 'sent',
      ),
    ).toEqual([]);
  });
});
