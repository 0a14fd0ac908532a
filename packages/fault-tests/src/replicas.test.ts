import { enrollSimulatedMac, SAFARI_14 } from '@internal/test-harness';
import { Cluster, PERSON, startCluster } from './cluster';
import { eventually } from '@internal/test-harness';
import { Replica } from './replica';

// Each replica transpiles the backend as it starts: minutes on a busy machine.
jest.setTimeout(900_000);

/**
 * Two processes of the real demo backend on one PostgreSQL database, behind
 * a balancer that sends a Mac's portal steps and the admin reads to replica
 * A, and its SCEP and check-ins to replica B.
 */
describe('two replicas of the backend on one PostgreSQL', () => {
  let cluster: Cluster;
  const isDeviceTraffic = (path: string) =>
    /^\/api\/enrollment\/(scep|mdm)/.test(path);

  beforeAll(async () => {
    cluster = await startCluster({
      route: (path, replicas) =>
        replicas.get(isDeviceTraffic(path) ? 'b' : 'a'),
    });
  });
  afterAll(() => cluster?.stop());

  it('start at the same moment on a fresh database: one CA, one set of settings, each migration once', async () => {
    // Without the demo backend's start gate every run here needed a restart
    // or more (auth, permission, catalog, notifications and the scheduler's
    // and key store's tables in our own database lost the race of their
    // first migration), and some never came up again (knex's lock row
    // inserted twice). With it, each starts at the first attempt.
    const a = cluster.start('a');
    const b = cluster.start('b');
    await Promise.all([a.ready(150_000), b.ready(150_000)]);
    // Each took the gate in turn; neither started without it.
    for (const replica of [a, b]) {
      expect(replica.output()).toMatch(/Took the start gate/);
      expect(replica.output()).not.toMatch(
        /starts without it|starts anyway|without the gate/,
      );
    }

    const { db } = cluster;
    expect(await db('enrollment_ca').count({ n: '*' })).toEqual([{ n: '1' }]);
    // Settings are written at their first change: until then, none.
    const [{ n: settingsRows }] = await db('enrollment_settings').count({
      n: '*',
    });
    expect(Number(settingsRows)).toBeLessThanOrEqual(1);
    const migrations = (await db('knex_migrations').select('name')).map(
      (r: { name: string }) => r.name,
    );
    expect(migrations.length).toBeGreaterThan(5);
    expect(new Set(migrations).size).toBe(migrations.length);
    // Both replicas hand out the one CA.
    const [caA, caB] = await Promise.all(
      ['a', 'b'].map(async name => {
        const res = await fetch(
          `${cluster.replicas.get(name)!.url}/api/enrollment/enroll/ca.cer`,
        );
        return Buffer.from(await res.arrayBuffer()).toString('base64');
      }),
    );
    expect(caA).toBe(caB);
  });

  it('enroll a Mac whose portal steps reach A and whose SCEP and check-ins reach B, once, under its invitation', async () => {
    const { lb, smtp, apns } = cluster;
    const a = cluster.replicas.get('a')!;
    const b = cluster.replicas.get('b')!;
    const invitation = await cluster.admin(lb.url, 'POST', '/invitations', {
      recipients: ['pat@example.com'],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      requireLogin: true,
      multipleUses: false,
    });
    // Mail goes out from whichever replica the scheduler picks, once.
    const mail = await smtp.waitForMessageTo('pat@example.com', 60_000);
    const link = /https?:\/\/\S+\/enroll\?invitation=[\w-]{43}/.exec(
      mail.parsed.text ?? '',
    )?.[0];
    expect(link).toBeDefined();

    const udid = '5A1E0000-0000-4000-8000-0000000000A1';
    const mac = await enrollSimulatedMac({
      backendUrl: lb.url,
      username: PERSON.username,
      password: PERSON.password,
      udid,
      deviceName: 'Pat’s MacBook Air',
      invitationUrl: link!,
    });
    try {
      const servedBy = (pattern: RegExp) =>
        new Set(lb.served.filter(s => pattern.test(s.path)).map(s => s.port));
      expect(servedBy(/\/enroll([/?]|$)/)).toEqual(new Set([a.port]));
      expect(servedBy(/\/api\/enrollment\/scep/)).toEqual(new Set([b.port]));
      expect(servedBy(/\/api\/enrollment\/mdm\/checkin/)).toEqual(
        new Set([b.port]),
      );

      // The push that wakes the Mac after TokenUpdate, and its command on B.
      const token = Buffer.from(`token-${udid}`).toString('hex');
      await eventually(
        () => apns.requests.filter(r => r.token === token).length,
        n => n >= 1,
        'a push to the Mac',
      );
      const command = await mac.connect({ Status: 'Idle' });
      expect(command?.Command?.RequestType).toEqual(expect.any(String));

      const computers = await cluster.admin(
        a.url,
        'GET',
        `/invitations/${invitation.id}/computers`,
      );
      expect(computers.items).toHaveLength(1);
      expect(computers.items[0]).toMatchObject({
        udid,
        invitationId: invitation.id,
        status: 'enrolled',
      });
      const listed = await cluster.admin(
        a.url,
        'GET',
        `/invitations?search=${invitation.number}`,
      );
      expect(listed.items).toEqual([
        expect.objectContaining({ id: invitation.id, timesUsed: 1 }),
      ]);
      expect(
        smtp.received.filter(m => m.envelope.to.includes('pat@example.com')),
      ).toHaveLength(1);
    } finally {
      mac.remove();
    }
  });

  it('count a burst of wrong passwords split across both replicas once', async () => {
    const attempt = async (replica: Replica, password: string) => {
      const portal = `${replica.url}/api/enrollment/enroll`;
      const page = await fetch(portal, {
        headers: { 'User-Agent': SAFARI_14 },
      });
      const cookie = page.headers
        .getSetCookie()
        .map(c => c.split(';')[0])
        .join('; ');
      const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1];
      const res = await fetch(`${portal}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'User-Agent': SAFARI_14,
          Cookie: cookie,
        },
        body: new URLSearchParams({
          csrf: csrf ?? '',
          username: PERSON.username,
          password,
        }).toString(),
      });
      return { status: res.status, text: await res.text() };
    };
    const a = cluster.replicas.get('a')!;
    const b = cluster.replicas.get('b')!;
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        attempt(i % 2 ? b : a, `wrong-password-${i}`),
      ),
    );
    const outcome = (text: string) => {
      if (/Too many failed attempts/.test(text)) return 'locked';
      if (/The username or password is incorrect/.test(text)) return 'refused';
      return (
        /id="enroll-error"[^>]*>([\s\S]{0,300})/.exec(text)?.[1] ??
        text.slice(0, 300)
      );
    };
    const counts: Record<string, number> = {};
    for (const r of burst) {
      const what = outcome(r.text);
      counts[what] = (counts[what] ?? 0) + 1;
    }
    // Five password checks per person in 15 minutes, on whichever replica.
    expect(counts).toEqual({ refused: 5, locked: 7 });
    const right = await attempt(b, PERSON.password);
    expect(right.text).toMatch(/Too many failed attempts/);
  });
});
