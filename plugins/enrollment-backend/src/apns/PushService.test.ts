import { randomBytes, randomUUID } from 'node:crypto';
import { mockServices } from '@backstage/backend-test-utils';
import {
  createTestDatabases,
  RunningApns,
  startApnsStandIn,
  testDatabaseIds,
} from '@internal/test-harness';
import { Knex } from 'knex';
import { migrated } from '../__testUtils__/stores';
import { DatabaseDeviceStore } from '../database/DatabaseDeviceStore';
import { DatabaseEventStore } from '../database/DatabaseEventStore';
import { DatabasePushQueueStore } from '../database/DatabasePushQueueStore';
import { readPushCertificate } from './pushCertificate';
import {
  DEFAULT_PUSH_SETTINGS,
  PushService,
  PushSettings,
} from './PushService';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(testDatabaseIds(databases))('PushService on %s', id => {
  let apns: RunningApns;
  beforeAll(async () => {
    apns = await startApnsStandIn();
  });
  afterAll(() => apns.stop());
  beforeEach(() => {
    apns.requests.length = 0;
    apns.answerWith(() => ({ status: 200 }));
  });

  async function setup(settings: Partial<PushSettings> = {}) {
    const knex = await migrated(await databases.init(id));
    let now = new Date('2026-12-01T10:00:00Z');
    const certificate = readPushCertificate(
      apns.pushCertificate.certificatePem,
      apns.pushCertificate.privateKeyPem,
      'test',
    );
    const queue = new DatabasePushQueueStore(knex);
    const events = new DatabaseEventStore(knex);
    const devices = new DatabaseDeviceStore(knex);
    const service = new PushService({
      queue,
      devices,
      certificate: async () => ({ certificate, source: 'config' }),
      events,
      logger: mockServices.logger.mock(),
      // Pushes go out when the test runs them, at the test's clock.
      settings: {
        ...DEFAULT_PUSH_SETTINGS,
        endpoint: apns.endpoint,
        caPem: apns.caPem,
        coalesceMs: 60_000,
        ...settings,
      },
      clock: () => now,
    });
    const advance = (ms: number) => {
      now = new Date(now.getTime() + ms);
    };
    return { knex, queue, events, devices, service, advance };
  }

  async function enrolledMac(knex: Knex, token = randomBytes(32)) {
    const computerId = randomUUID();
    await knex('enrollment_computers').insert({
      id: computerId,
      udid: randomUUID().toUpperCase(),
      status: 'enrolled',
      push_token_base64: token.toString('base64'),
      push_magic: `magic-${computerId}`,
      created_at: new Date(),
      updated_at: new Date(),
    });
    return { computerId, token, pushMagic: `magic-${computerId}` };
  }

  it('sends what Apple expects of an MDM push, with the push certificate as client identity', async () => {
    const { knex, service, advance, devices } = await setup();
    const mac = await enrolledMac(knex);
    await service.request(mac.computerId);
    advance(60_000);
    expect(await service.runOnce()).toEqual({
      sent: 1,
      retried: 0,
      dropped: 0,
    });
    const [push] = apns.requests;
    expect(push.method).toBe('POST');
    expect(push.path).toBe(`/3/device/${mac.token.toString('hex')}`);
    expect(push.headers).toMatchObject({
      'apns-topic': apns.pushCertificate.topic,
      'apns-push-type': 'mdm',
      'apns-priority': '10',
    });
    expect(JSON.parse(push.body)).toEqual({ mdm: mac.pushMagic });
    expect(push.clientSubject.UID).toBe(apns.pushCertificate.topic);
    expect(push.clientSubject.CN).toMatch(/^APSP:/);
    const row = await knex('enrollment_computers')
      .where({ id: mac.computerId })
      .first();
    expect(row.last_push_at).not.toBeNull();
    expect(row.last_push_error).toBeNull();
    expect(await devices.pushTarget(mac.computerId)).toBeDefined();
    service.close();
  });

  it('coalesces: many requests for one Mac within the window are one push', async () => {
    const { knex, service, advance, queue } = await setup();
    const mac = await enrolledMac(knex);
    for (let i = 0; i < 5; i++) await service.request(mac.computerId);
    // Not due before the window ends.
    expect((await service.runOnce()).sent).toBe(0);
    advance(60_000);
    expect((await service.runOnce()).sent).toBe(1);
    expect(apns.requests).toHaveLength(1);
    expect(await queue.count()).toBe(0);
    service.close();
  });

  it('pushes to many Macs concurrently over one connection', async () => {
    const { knex, service, advance } = await setup();
    const macs = await Promise.all(
      Array.from({ length: 40 }, () => enrolledMac(knex)),
    );
    const before = apns.connections();
    for (const m of macs) await service.request(m.computerId);
    advance(60_000);
    let inFlight = 0;
    let most = 0;
    apns.answerWith(() => {
      inFlight++;
      most = Math.max(most, inFlight);
      queueMicrotask(() => inFlight--);
      return { status: 200 };
    });
    expect((await service.runOnce()).sent).toBe(40);
    expect(new Set(apns.requests.map(r => r.token)).size).toBe(40);
    expect(apns.connections() - before).toBe(1);
    service.close();
  });

  it('410 Unregistered marks the token dead until a new TokenUpdate, and says so in the activity log', async () => {
    const { knex, service, advance, devices, events } = await setup();
    const mac = await enrolledMac(knex);
    apns.answerWith(() => ({
      status: 410,
      body: { reason: 'Unregistered', timestamp: 1764000000000 },
    }));
    await service.request(mac.computerId);
    advance(60_000);
    expect((await service.runOnce()).dropped).toBe(1);
    const target = await devices.pushTarget(mac.computerId);
    expect(target?.deadAt).toEqual(new Date(1764000000000));
    const log = await events.list({ offset: 0, limit: 10 });
    expect(log.items[0]).toMatchObject({
      type: 'mdm.push-unregistered',
      computerId: mac.computerId,
    });

    // No more pushes to a dead token.
    apns.answerWith(() => ({ status: 200 }));
    await service.request(mac.computerId);
    advance(60_000);
    expect(await service.runOnce()).toEqual({
      sent: 0,
      retried: 0,
      dropped: 1,
    });
    expect(apns.requests).toHaveLength(1);

    // A new TokenUpdate brings it back.
    await devices.tokenUpdate({
      deviceId: mac.computerId,
      token: randomBytes(32),
      pushMagic: 'new-magic',
      now: new Date(),
    });
    await service.request(mac.computerId);
    advance(60_000);
    expect((await service.runOnce()).sent).toBe(1);
    expect(JSON.parse(apns.requests[1].body)).toEqual({ mdm: 'new-magic' });
    service.close();
  });

  it('400 and 403 are recorded with Apple’s reason and not retried', async () => {
    const { knex, service, advance, events, queue } = await setup();
    const mac = await enrolledMac(knex);
    apns.answerWith(() => ({
      status: 403,
      body: { reason: 'BadCertificate' },
    }));
    await service.request(mac.computerId);
    advance(60_000);
    expect((await service.runOnce()).dropped).toBe(1);
    expect(await queue.count()).toBe(0);
    const log = await events.list({ offset: 0, limit: 10 });
    expect(log.items[0]).toMatchObject({
      type: 'mdm.push-refused',
      message: expect.stringContaining('403 BadCertificate'),
      data: { status: 403, reason: 'BadCertificate' },
    });
    const row = await knex('enrollment_computers')
      .where({ id: mac.computerId })
      .first();
    expect(row.last_push_error).toBe('403 BadCertificate');
    service.close();
  });

  it('429 and 5xx are retried with backoff until Apple takes the push', async () => {
    const { knex, service, advance, queue } = await setup({
      initialRetryMs: 1000,
    });
    const mac = await enrolledMac(knex);
    const answers = [
      { status: 429, body: { reason: 'TooManyRequests' } },
      { status: 503, body: { reason: 'ServiceUnavailable' } },
      { status: 200 },
    ];
    apns.answerWith(() => answers.shift()!);
    await service.request(mac.computerId);
    advance(60_000);
    expect((await service.runOnce()).retried).toBe(1);
    // The first retry waits 1 s, the second 2 s.
    expect((await service.runOnce()).retried).toBe(0);
    advance(1000);
    expect((await service.runOnce()).retried).toBe(1);
    advance(1999);
    expect((await service.runOnce()).sent).toBe(0);
    advance(1);
    expect((await service.runOnce()).sent).toBe(1);
    expect(apns.requests).toHaveLength(3);
    expect(await queue.count()).toBe(0);
    service.close();
  });

  it('an APNs that is down delays the push, never loses it', async () => {
    const { knex, service, advance, queue } = await setup({
      initialRetryMs: 1000,
    });
    const mac = await enrolledMac(knex);
    await apns.stop();
    try {
      await service.request(mac.computerId);
      advance(60_000);
      expect((await service.runOnce()).retried).toBe(1);
      advance(1000);
      expect((await service.runOnce()).retried).toBe(1);
      expect(await queue.count()).toBe(1);
    } finally {
      await apns.start();
    }
    advance(2000);
    expect((await service.runOnce()).sent).toBe(1);
    expect(apns.requests).toHaveLength(1);
    expect(JSON.parse(apns.requests[0].body)).toEqual({ mdm: mac.pushMagic });
    service.close();
  });

  it('reconnects after a GOAWAY', async () => {
    const { knex, service, advance } = await setup();
    const mac = await enrolledMac(knex);
    await service.request(mac.computerId);
    advance(60_000);
    expect((await service.runOnce()).sent).toBe(1);
    const before = apns.connections();
    apns.goAway();
    await service.request(mac.computerId);
    advance(60_000);
    // Right after the GOAWAY a push may still find the old session: then it is retried.
    let sent = (await service.runOnce()).sent;
    if (!sent) {
      advance(DEFAULT_PUSH_SETTINGS.initialRetryMs);
      sent = (await service.runOnce()).sent;
    }
    expect(sent).toBe(1);
    expect(apns.connections()).toBe(before + 1);
    service.close();
  });

  it('a request while the push is in flight gets a push of its own', async () => {
    const { knex, service, advance, queue } = await setup();
    const mac = await enrolledMac(knex);
    await service.request(mac.computerId);
    advance(60_000);
    let asked = false;
    apns.answerWith(() => {
      if (!asked) {
        asked = true;
        // The admin queues another command while Apple is answering.
        void service.request(mac.computerId);
      }
      return { status: 200 };
    });
    expect((await service.runOnce()).sent).toBe(1);
    // The request may land after the push settled; either way one is pending.
    await new Promise(resolve => setImmediate(resolve));
    expect(await queue.count()).toBe(1);
    advance(60_000);
    expect((await service.runOnce()).sent).toBe(1);
    expect(apns.requests).toHaveLength(2);
    service.close();
  });

  it('two replicas draining one queue send each push once', async () => {
    const a = await setup();
    const b = new PushService({
      queue: a.queue,
      devices: a.devices,
      certificate: async () => ({
        certificate: readPushCertificate(
          apns.pushCertificate.certificatePem,
          apns.pushCertificate.privateKeyPem,
          'test',
        ),
        source: 'config',
      }),
      events: a.events,
      logger: mockServices.logger.mock(),
      settings: {
        ...DEFAULT_PUSH_SETTINGS,
        endpoint: apns.endpoint,
        caPem: apns.caPem,
      },
      // The same moment as replica a's clock after its advance below.
      clock: () => new Date('2026-12-01T10:01:00Z'),
    });
    const macs = await Promise.all(
      Array.from({ length: 30 }, () => enrolledMac(a.knex)),
    );
    for (const m of macs) await a.service.request(m.computerId);
    a.advance(60_000);
    const [ra, rb] = await Promise.all([a.service.runOnce(), b.runOnce()]);
    expect(ra.sent + rb.sent).toBe(30);
    expect(apns.requests).toHaveLength(30);
    a.service.close();
    b.close();
  });
});
