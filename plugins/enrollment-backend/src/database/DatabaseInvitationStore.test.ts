import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import { migrated, newInvitation } from '../__testUtils__/stores';
import { DatabaseInvitationStore } from './DatabaseInvitationStore';
import { SiteFilter } from './siteFilter';
import { DatabaseSiteStore } from './DatabaseSiteStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const DAY = 24 * 3600_000;
const list = (overrides: object = {}) => ({
  offset: 0,
  limit: 25,
  orderBy: 'createdAt' as const,
  order: 'desc' as const,
  ...overrides,
});

describe.each(testDatabaseIds(databases))(
  'DatabaseInvitationStore on %s',
  id => {
    async function setup() {
      const knex = await migrated(await databases.init(id));
      return {
        knex,
        store: new DatabaseInvitationStore(knex),
        sites: new DatabaseSiteStore(knex),
      };
    }

    it('creates an invitation with its recipients pending and no code stored', async () => {
      const { knex, store } = await setup();
      const created = await store.create(
        newInvitation({
          recipients: ['a@example.com', 'b@example.com'],
          subject: 'Hi',
        }),
      );
      expect(created).toMatchObject({
        status: 'pending',
        recipients: ['a@example.com', 'b@example.com'],
        recipientCount: 2,
        requireLogin: true,
        multipleUses: false,
        timesUsed: 0,
        site: null,
        subject: 'Hi',
        delivery: { pending: 2, sent: 0, failed: 0 },
        recipientDetails: [
          { email: 'a@example.com', state: 'pending', attempts: 0 },
          { email: 'b@example.com', state: 'pending', attempts: 0 },
        ],
      });
      const row = await knex('enrollment_invitations')
        .where({ id: created.id })
        .first();
      expect(Object.keys(row)).not.toContain('code');
      expect(row.code_hash).toBe(`hash-${created.id}`);
    });

    it('makes a link-only invitation active at once', async () => {
      const { store } = await setup();
      const created = await store.create(newInvitation({ recipients: [] }));
      expect(created.status).toBe('active');
      expect(created.recipientCount).toBe(0);
    });

    it('lists with paging, sorting and a total count', async () => {
      const { store } = await setup();
      const base = Date.now();
      for (let i = 0; i < 7; i++) {
        await store.create(
          newInvitation({ createdAt: new Date(base + i * 1000) }),
        );
      }
      const now = new Date();
      const first = await store.list(list({ limit: 3 }), now);
      expect(first.totalCount).toBe(7);
      expect(first.items).toHaveLength(3);
      const second = await store.list(list({ limit: 3, offset: 3 }), now);
      const third = await store.list(list({ limit: 3, offset: 6 }), now);
      const all = [...first.items, ...second.items, ...third.items].map(
        i => i.createdAt,
      );
      expect(all).toEqual([...all].sort().reverse());
      expect(new Set(all).size).toBe(7);
      const asc = await store.list(list({ order: 'asc', limit: 1 }), now);
      expect(asc.items[0].createdAt).toBe(all[6]);
    });

    it('filters by effective status, expiry included', async () => {
      const { store } = await setup();
      const now = new Date();
      const live = await store.create(newInvitation());
      const expired = await store.create(
        newInvitation({ expiresAt: new Date(now.getTime() + 1000) }),
      );
      const cancelled = await store.create(newInvitation());
      await store.cancel(cancelled.id, now);
      const later = new Date(now.getTime() + 2000);

      const ids = async (status: any[]) =>
        (await store.list(list({ status }), later)).items.map(i => i.id).sort();
      expect(await ids(['pending'])).toEqual([live.id]);
      expect(await ids(['expired'])).toEqual([expired.id]);
      expect(await ids(['cancelled'])).toEqual([cancelled.id]);
      expect(await ids(['expired', 'cancelled'])).toEqual(
        [expired.id, cancelled.id].sort(),
      );
      expect((await store.get(expired.id, later))!.status).toBe('expired');
      // Before its date the same invitation is still pending.
      expect((await store.get(expired.id, now))!.status).toBe('pending');
    });

    it('sorts by the effective status', async () => {
      const { store } = await setup();
      const now = new Date();
      await store.create(newInvitation({ recipients: [] })); // active
      await store.create(
        newInvitation({ expiresAt: new Date(now.getTime() - DAY) }),
      ); // expired
      await store.create(newInvitation()); // pending
      const page = await store.list(
        list({ orderBy: 'status', order: 'asc' }),
        now,
      );
      expect(page.items.map(i => i.status)).toEqual([
        'active',
        'expired',
        'pending',
      ]);
    });

    it('searches recipients case-insensitively and treats wildcards literally', async () => {
      const { store } = await setup();
      const now = new Date();
      const a = await store.create(
        newInvitation({ recipients: ['Zed.Person@Example.com'] }),
      );
      await store.create(newInvitation({ recipients: ['other@example.com'] }));
      const pct = await store.create(
        newInvitation({ recipients: ['a%b@example.com'] }),
      );
      expect(
        (await store.list(list({ search: 'zed.person' }), now)).items.map(
          i => i.id,
        ),
      ).toEqual([a.id]);
      expect(
        (await store.list(list({ search: '%' }), now)).items.map(i => i.id),
      ).toEqual([pct.id]);
      expect((await store.list(list({ search: '_' }), now)).totalCount).toBe(0);
    });

    it('filters by site and by a conditional site decision', async () => {
      const { store, sites } = await setup();
      const now = new Date();
      const berlin = await sites.create('Berlin');
      const paris = await sites.create('Paris');
      const inBerlin = await store.create(newInvitation({ siteId: berlin.id }));
      const inParis = await store.create(newInvitation({ siteId: paris.id }));
      const nowhere = await store.create(newInvitation());

      const bySite = await store.list(list({ siteId: berlin.id }), now);
      expect(bySite.items.map(i => i.id)).toEqual([inBerlin.id]);
      expect(bySite.items[0].site).toEqual({ id: berlin.id, name: 'Berlin' });

      const only = { siteIds: [paris.id] };
      expect(
        (await store.list(list(), now, only)).items.map(i => i.id),
      ).toEqual([inParis.id]);
      expect(await store.get(inBerlin.id, now, only)).toBeUndefined();
      const notParis = { not: only };
      expect(
        (await store.list(list(), now, notParis)).items.map(i => i.id).sort(),
      ).toEqual([inBerlin.id, nowhere.id].sort());
      const either: SiteFilter = {
        anyOf: [{ siteIds: [berlin.id] }, { siteIds: [paris.id] }],
      };
      expect((await store.list(list(), now, either)).totalCount).toBe(2);
    });

    it('lists at most 10 recipients per invitation with the full count', async () => {
      const { store } = await setup();
      const recipients = Array.from(
        { length: 25 },
        (_, i) => `p${String(i).padStart(2, '0')}@example.com`,
      );
      await store.create(newInvitation({ recipients }));
      const [item] = (await store.list(list(), new Date())).items;
      expect(item.recipientCount).toBe(25);
      expect(item.recipients).toEqual(recipients.slice(0, 10));
    });

    it('requeues chosen recipients and recounts the status', async () => {
      const { knex, store } = await setup();
      const created = await store.create(
        newInvitation({ recipients: ['a@example.com', 'b@example.com'] }),
      );
      await knex('enrollment_recipients')
        .where({ invitation_id: created.id })
        .update({
          state: 'failed',
          last_error: '550 no such user',
          attempts: 3,
        });
      await store.requeue(created.id, ['A@example.com']);
      const after = await store.get(created.id, new Date());
      expect(after!.recipientDetails).toEqual([
        expect.objectContaining({
          email: 'a@example.com',
          state: 'pending',
          attempts: 0,
        }),
        expect.objectContaining({
          email: 'b@example.com',
          state: 'failed',
          lastError: '550 no such user',
        }),
      ]);
      expect(after!.status).toBe('pending');
      expect(after!.delivery).toEqual({ pending: 1, sent: 0, failed: 1 });
    });

    it('deletes an invitation and its recipients, detaching its computers and enrollments', async () => {
      const { knex, store } = await setup();
      const doomed = await store.create(
        newInvitation({ recipients: ['a@example.com'] }),
      );
      const kept = await store.create(
        newInvitation({ recipients: ['b@example.com'] }),
      );
      const now = new Date();
      await knex('enrollment_computers').insert({
        id: 'computer-1',
        udid: 'UDID-1',
        status: 'enrolled',
        invitation_id: doomed.id,
        created_at: now,
        updated_at: now,
      });
      await knex('enrollment_enrollments').insert({
        id: 'enrollment-1',
        session_id_hash: 'h',
        invitation_id: doomed.id,
        login_kind: 'none',
        user: '{}',
        platform: 'mac-modern',
        created_at: now,
        expires_at: now,
      });

      await store.delete(doomed.id);
      expect(await store.get(doomed.id, now)).toBeUndefined();
      expect(
        await knex('enrollment_recipients').where({ invitation_id: doomed.id }),
      ).toEqual([]);
      expect(
        (await knex('enrollment_computers').where({ id: 'computer-1' }).first())
          .invitation_id,
      ).toBeNull();
      expect(
        (
          await knex('enrollment_enrollments')
            .where({ id: 'enrollment-1' })
            .first()
        ).invitation_id,
      ).toBeNull();
      expect((await store.get(kept.id, now))!.recipientCount).toBe(1);
    });
  },
);

describe.each(testDatabaseIds(databases))('invitation uses on %s', id => {
  const HOUR = 3600_000;
  async function setup() {
    const knex = await migrated(await databases.init(id));
    return { knex, store: new DatabaseInvitationStore(knex) };
  }
  const use = (
    invitationId: string,
    enrollmentId: string,
    recipientId?: number,
  ) => ({
    invitationId,
    enrollmentId,
    recipientId,
  });

  it('reserves a single-use link for one of 50 racing enrollments, and counts it when the Mac checks in', async () => {
    const { store } = await setup();
    const created = await store.create(newInvitation({ recipients: [] }));
    const now = new Date();
    const until = new Date(now.getTime() + HOUR);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.reserveUse(use(created.id, `e-${i}`), { until, now }),
      ),
    );
    expect(results.filter(r => r === 'reserved')).toHaveLength(1);
    expect(results.filter(r => r === 'in-use')).toHaveLength(49);
    // Reaching the download step is not a use: nothing is counted yet.
    expect(await store.get(created.id, now)).toMatchObject({
      timesUsed: 0,
      status: 'active',
    });

    const winner = `e-${results.indexOf('reserved')}`;
    await store.recordUse(use(created.id, winner), now);
    expect(await store.get(created.id, now)).toMatchObject({
      timesUsed: 1,
      status: 'used',
    });
    expect(
      await store.reserveUse(use(created.id, 'e-late'), { until, now }),
    ).toBe('used');
    expect(await store.findLink(`hash-${created.id}`)).toEqual({
      invitationId: created.id,
      used: true,
    });
  });

  it('frees a reservation that lapsed, and lets its holder renew it', async () => {
    const { store } = await setup();
    const created = await store.create(newInvitation({ recipients: [] }));
    const t0 = Date.now();
    const at = (ms: number) => ({
      until: new Date(t0 + ms + HOUR),
      now: new Date(t0 + ms),
    });
    expect(await store.reserveUse(use(created.id, 'a'), at(0))).toBe(
      'reserved',
    );
    expect(await store.reserveUse(use(created.id, 'b'), at(HOUR / 2))).toBe(
      'in-use',
    );
    // A renews (a new profile, a new challenge) until 1.5 h.
    expect(await store.reserveUse(use(created.id, 'a'), at(HOUR / 2))).toBe(
      'reserved',
    );
    expect(await store.reserveUse(use(created.id, 'b'), at(HOUR + 1000))).toBe(
      'in-use',
    );
    expect(
      await store.reserveUse(use(created.id, 'b'), at(HOUR * 1.5 + 1000)),
    ).toBe('reserved');
  });

  it("gives each recipient a link of their own: one person's use never tells another it is used", async () => {
    const { store } = await setup();
    const created = await store.create(
      newInvitation({ recipients: ['ann@example.com', 'ben@example.com'] }),
    );
    const now = new Date();
    const until = new Date(now.getTime() + HOUR);
    const ann = (await store.findLink(`hash-${created.id}-ann@example.com`))!;
    const ben = (await store.findLink(`hash-${created.id}-ben@example.com`))!;
    expect(ann).toMatchObject({ invitationId: created.id, used: false });
    expect(ann.recipientId).not.toBe(ben.recipientId);

    expect(
      await store.reserveUse(use(created.id, 'e-ann', ann.recipientId), {
        until,
        now,
      }),
    ).toBe('reserved');
    expect(
      await store.reserveUse(use(created.id, 'e-ben', ben.recipientId), {
        until,
        now,
      }),
    ).toBe('reserved');
    // The admin's copy of the invitation's link is a link of its own too.
    expect(
      await store.reserveUse(use(created.id, 'e-admin'), { until, now }),
    ).toBe('reserved');

    await store.recordUse(use(created.id, 'e-ann', ann.recipientId), now);
    expect(await store.get(created.id, now)).toMatchObject({
      timesUsed: 1,
      status: 'pending',
    });
    expect(
      (await store.findLink(`hash-${created.id}-ann@example.com`))!.used,
    ).toBe(true);
    expect(
      await store.reserveUse(use(created.id, 'e-other', ann.recipientId), {
        until,
        now,
      }),
    ).toBe('used');
    expect(
      (await store.get(created.id, now))!.recipientDetails.map(r => [
        r.email,
        r.ownLink,
        Boolean(r.usedAt),
      ]),
    ).toEqual([
      ['ann@example.com', true, true],
      ['ben@example.com', true, false],
    ]);

    await store.recordUse(use(created.id, 'e-ben', ben.recipientId), now);
    expect(await store.get(created.id, now)).toMatchObject({
      timesUsed: 2,
      status: 'used',
    });
  });

  it('counts every Mac of a multi-use invitation, and reserves nothing of a cancelled or expired one', async () => {
    const { store } = await setup();
    const now = new Date();
    const until = new Date(now.getTime() + HOUR);
    const multi = await store.create(
      newInvitation({ recipients: [], multipleUses: true }),
    );
    const reserved = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        store.reserveUse(use(multi.id, `e-${i}`), { until, now }),
      ),
    );
    expect(reserved).toEqual(Array(5).fill('reserved'));
    for (let i = 0; i < 5; i++) {
      await store.recordUse(use(multi.id, `e-${i}`), now);
    }
    expect(await store.get(multi.id, now)).toMatchObject({
      timesUsed: 5,
      status: 'active',
    });

    const cancelled = await store.create(newInvitation({ recipients: [] }));
    await store.cancel(cancelled.id, now);
    expect(await store.reserveUse(use(cancelled.id, 'e'), { until, now })).toBe(
      'unusable',
    );
    const expired = await store.create(
      newInvitation({
        recipients: [],
        expiresAt: new Date(now.getTime() + 10),
      }),
    );
    expect(
      await store.reserveUse(use(expired.id, 'e'), {
        until,
        now: new Date(now.getTime() + 20),
      }),
    ).toBe('unusable');
    expect(await store.findLink('nope')).toBeUndefined();
  });

  it('numbers invitations 1, 2, 3… even when created at once, and finds one by its number', async () => {
    const { store } = await setup();
    const created = await Promise.all(
      Array.from({ length: 8 }, () => store.create(newInvitation())),
    );
    expect(created.map(i => i.number).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    const third = created.find(i => i.number === 3)!;
    for (const search of ['3', '#3']) {
      const { items } = await store.list(list({ search }), new Date());
      expect(items.map(i => i.id)).toEqual([third.id]);
    }
  });

  it("counts the invitation's computers that are enrolled now", async () => {
    const { knex, store } = await setup();
    const created = await store.create(newInvitation({ multipleUses: true }));
    const now = new Date();
    const computer = (n: number, status: string) => ({
      id: `c-${n}`,
      udid: `UDID-${n}`,
      status,
      invitation_id: created.id,
      created_at: now,
      updated_at: now,
    });
    await knex('enrollment_computers').insert([
      computer(1, 'enrolled'),
      computer(2, 'enrolled'),
      computer(3, 'unenrolled'),
    ]);
    expect((await store.get(created.id, now))!.enrolledComputers).toBe(2);
    const { items } = await store.list(list(), now);
    expect(items[0].enrolledComputers).toBe(2);
  });

  it('upgrades invitations made before: numbered by age, times used recounted as Macs that checked in', async () => {
    const { knex } = await setup();
    const directory = resolvePackagePath(
      '@macenroll/plugin-enrollment-backend',
      'migrations',
    );
    await knex.migrate.down({
      directory,
      name: '20261207120000_invitation_uses.js',
    });
    const day = (n: number) => new Date(Date.UTC(2026, 10, n));
    const old = (key: string, created: number, fields: object) => ({
      id: key,
      code_nonce: 'n',
      code_hash: `hash-${key}`,
      expires_at: day(28),
      require_login: true,
      keep_existing_site: false,
      created_by: 'user:default/admin',
      created_at: day(created),
      ...fields,
    });
    await knex('enrollment_invitations').insert([
      // A link-only invitation, once counted as used at the download step.
      old('downloaded', 2, {
        status: 'used',
        multiple_uses: false,
        times_used: 1,
      }),
      // A single-use one whose Mac checked in.
      old('enrolled', 1, {
        status: 'used',
        multiple_uses: false,
        times_used: 1,
      }),
      old('shared', 3, { status: 'sent', multiple_uses: true, times_used: 0 }),
    ]);
    const enrollment = (key: string, invitation: string, completed?: Date) => ({
      id: key,
      session_id_hash: 's',
      invitation_id: invitation,
      login_kind: 'none',
      user: '{}',
      platform: 'mac-modern',
      created_at: day(5),
      expires_at: day(6),
      completed_at: completed ?? null,
    });
    await knex('enrollment_enrollments').insert([
      enrollment('e1', 'downloaded'),
      enrollment('e2', 'enrolled', day(5)),
    ]);

    await knex.migrate.latest({ directory });
    const store = new DatabaseInvitationStore(knex);
    const now = day(10);
    expect(await store.get('enrolled', now)).toMatchObject({
      number: 1,
      timesUsed: 1,
      status: 'used',
    });
    expect(await store.get('downloaded', now)).toMatchObject({
      number: 2,
      timesUsed: 0,
      status: 'active',
    });
    expect(await store.get('shared', now)).toMatchObject({
      number: 3,
      status: 'active',
    });
    // The next invitation takes the next number.
    expect((await store.create(newInvitation())).number).toBe(4);
  });
});
