import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import { migrated, newInvitation } from '../__testUtils__/stores';
import { DatabaseEnrollmentStore } from './DatabaseEnrollmentStore';
import { DatabaseInvitationStore } from './DatabaseInvitationStore';
import { DatabaseSiteStore } from './DatabaseSiteStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

/** Serial allowlists, device rules and refusals as the stores keep them. */
describe.each(testDatabaseIds(databases))('device rules on %s', id => {
  async function setup() {
    const knex = await migrated(await databases.init(id));
    return {
      knex,
      invitations: new DatabaseInvitationStore(knex),
      sites: new DatabaseSiteStore(knex),
      enrollments: new DatabaseEnrollmentStore(knex),
    };
  }

  it("keeps an invitation's 10,000 serials apart, counts them in lists and answers one serial at a time", async () => {
    const { invitations } = await setup();
    const serials = Array.from(
      { length: 10_000 },
      (_, i) => `C02${String(i).padStart(8, '0')}`,
    );
    const created = await invitations.create(
      newInvitation({
        serialNumbers: serials,
        deviceRules: { minimumOsVersion: '13.0' },
      }),
    );
    const open = await invitations.create(newInvitation());
    expect(created).toMatchObject({
      serialAllowlistCount: 10_000,
      deviceRules: { minimumOsVersion: '13.0' },
    });
    expect(open.serialAllowlistCount).toBe(0);
    expect(open.deviceRules).toBeUndefined();
    const page = await invitations.list(
      { offset: 0, limit: 25, orderBy: 'createdAt', order: 'desc' },
      new Date(),
    );
    expect(
      page.items.find(i => i.id === created.id)?.serialAllowlistCount,
    ).toBe(10_000);
    expect(await invitations.serialNumbers(created.id)).toHaveLength(10_000);

    expect(await invitations.admission(created.id, 'c02' + '00009999')).toEqual(
      { deviceRules: { minimumOsVersion: '13.0' }, serialListed: true },
    );
    expect(await invitations.admission(created.id, 'C02NOTLISTD')).toEqual({
      deviceRules: { minimumOsVersion: '13.0' },
      serialListed: false,
    });
    expect(await invitations.admission(created.id, undefined)).toEqual({
      deviceRules: { minimumOsVersion: '13.0' },
      serialListed: false,
    });
    // No list: any Mac.
    expect(await invitations.admission(open.id, 'ANYTHING1')).toEqual({
      deviceRules: undefined,
    });

    await invitations.delete(created.id);
    expect(await invitations.serialNumbers(created.id)).toEqual([]);
    expect(await invitations.admission(created.id, 'C0200000001')).toBe(
      undefined,
    );
  });

  it("keeps a site's rules through a rename, and removes them with null", async () => {
    const { sites } = await setup();
    const site = await sites.create('Berlin', {
      minimumOsVersion: '14.0',
      allowedModels: ['MacBookPro'],
    });
    expect((await sites.get(site.id))?.deviceRules).toEqual({
      minimumOsVersion: '14.0',
      allowedModels: ['MacBookPro'],
    });
    await sites.rename(site.id, 'Berlin HQ');
    expect((await sites.get(site.id))?.deviceRules).toEqual({
      minimumOsVersion: '14.0',
      allowedModels: ['MacBookPro'],
    });
    await sites.rename(site.id, 'Berlin HQ', null);
    expect((await sites.get(site.id))?.deviceRules).toBeUndefined();
    expect((await sites.list())[0].deviceRules).toBeUndefined();
  });

  it('migrates down and up again', async () => {
    const { knex, invitations } = await setup();
    await invitations.create(newInvitation({ serialNumbers: ['C02ABC12345'] }));
    const directory = resolvePackagePath(
      '@macenroll/plugin-enrollment-backend',
      'migrations',
    );
    const name = '20261208100000_device_rules.js';
    await knex.migrate.down({ directory, name });
    expect(await knex.schema.hasTable('enrollment_invitation_serials')).toBe(
      false,
    );
    expect(
      await knex.schema.hasColumn('enrollment_enrollments', 'refused_reason'),
    ).toBe(false);
    await knex.migrate.up({ directory, name });
    const again = await invitations.create(
      newInvitation({ serialNumbers: ['C02ABC12345'] }),
    );
    expect(again.serialAllowlistCount).toBe(1);
  });

  it('notes a refusal on the enrollment and nothing else', async () => {
    const { enrollments } = await setup();
    const now = new Date();
    const enrollment = await enrollments.create({
      sessionIdHash: 'h',
      keepExistingSite: false,
      loginKind: 'none',
      user: {},
      platform: 'mac-modern',
      createdAt: now,
      expiresAt: new Date(now.getTime() + 3600_000),
    });
    await enrollments.refuse(enrollment.id, {
      reason: 'os-too-old',
      osVersion: '12.7',
      minimumOsVersion: '13.0',
    });
    const after = await enrollments.get(enrollment.id);
    expect(after).toMatchObject({
      refusal: {
        reason: 'os-too-old',
        osVersion: '12.7',
        minimumOsVersion: '13.0',
      },
    });
    expect(after?.udid).toBeUndefined();
    expect(after?.completedAt).toBeUndefined();
  });
});
