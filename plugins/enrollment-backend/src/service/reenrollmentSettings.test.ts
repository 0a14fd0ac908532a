import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DEFAULT_PORTAL_SETTINGS,
  portalAccountManagePermission,
  ReenrollmentSettings,
} from '@macenroll/plugin-enrollment-common';
import request from 'supertest';
import { migrated } from '../__testUtils__/stores';
import { switchablePermissions } from '../__testUtils__/permissions';
import { DatabaseSettingsStore } from '../database/DatabaseSettingsStore';
import { enrollmentPlugin } from '../plugin';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const admin = () => mockCredentials.user.header('user:default/admin');
const RULES: ReenrollmentSettings = {
  restrictToAuthorizedUsers: true,
  clearCommands: 'all-but-acknowledged',
  clearInventoryHistory: true,
  clearUserAndLocation: false,
  authorizedGroups: ['mac-admins'],
};

describe('the re-enrollment settings through the admin API', () => {
  const permissions = switchablePermissions();
  let server: any;
  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        enrollmentPlugin,
        permissions.service.factory,
        mockServices.rootConfig.factory({
          data: {
            enrollment: {
              organization: 'Acme',
              topic: 'com.apple.mgmt.External.test',
              allowInsecureUrls: true,
              portal: {
                localAccounts: [
                  { username: 'enroll', password: 'local-secret-1' },
                ],
              },
            },
          },
        }),
      ],
    }));
  });
  beforeEach(() => permissions.set(() => ({ result: AuthorizeResult.ALLOW })));
  const api = (method: 'get' | 'put' | 'patch' | 'post', path: string) =>
    request(server)
      [method](`/api/enrollment${path}`)
      .set('Authorization', admin());

  it('starts with the defaults, saves the rules, and keeps them for a client that leaves them out', async () => {
    const initial = await api('get', '/settings').expect(200);
    expect(initial.body.reenrollment).toEqual({
      restrictToAuthorizedUsers: false,
      clearCommands: 'nothing',
      clearInventoryHistory: false,
      clearUserAndLocation: true,
      authorizedGroups: [],
    });
    expect(initial.body.allowReenrollment).toBe(true);

    const saved = await api('put', '/settings')
      .send({ ...initial.body, reenrollment: RULES })
      .expect(200);
    expect(saved.body.reenrollment).toEqual(RULES);
    expect((await api('get', '/settings')).body.reenrollment).toEqual(RULES);

    // An older client sends every setting it knows, but not these.
    const { reenrollment: _, ...older } = initial.body;
    await api('put', '/settings')
      .send({ ...older, allowReenrollment: false })
      .expect(200);
    const after = (await api('get', '/settings')).body;
    expect(after.allowReenrollment).toBe(false);
    expect(after.reenrollment).toEqual(RULES);

    // One that knows the rules but not the authorized groups keeps them.
    const { authorizedGroups: __, ...olderRules } = RULES;
    await api('put', '/settings')
      .send({
        ...after,
        reenrollment: { ...olderRules, clearCommands: 'errors' },
      })
      .expect(200);
    expect((await api('get', '/settings')).body.reenrollment).toEqual({
      ...RULES,
      clearCommands: 'errors',
    });

    const changes = await api('get', '/events?category=admin');
    expect(changes.body.items.map((e: any) => e.message)).toContainEqual(
      expect.stringContaining(
        'reenrollment.restrictToAuthorizedUsers off → on',
      ),
    );
  });

  it('refuses an unknown clearing choice and unknown keys', async () => {
    const current = (await api('get', '/settings')).body;
    for (const reenrollment of [
      { ...RULES, clearCommands: 'some' },
      { ...RULES, clearEverything: true },
      { restrictToAuthorizedUsers: true },
    ]) {
      const res = await api('put', '/settings').send({
        ...current,
        reenrollment,
      });
      expect(res.status).toBe(400);
    }
  });

  it('lets admins who manage portal accounts grant and withdraw the privilege, config accounts included', async () => {
    await api('post', '/portal-accounts')
      .send({ username: 'helpdesk', password: 'helpdesk-secret-1' })
      .expect(201);
    const granted = await api('patch', '/portal-accounts/helpdesk')
      .send({ mayReenrollAnyMac: true })
      .expect(200);
    expect(granted.body).toMatchObject({
      username: 'helpdesk',
      mayReenrollAnyMac: true,
    });
    await api('patch', '/portal-accounts/enroll')
      .send({ mayReenrollAnyMac: true })
      .expect(200);
    // Config still owns what it sets.
    await api('patch', '/portal-accounts/enroll')
      .send({ disabled: true })
      .expect(409);
    const list = (await api('get', '/portal-accounts')).body.items;
    expect(
      list.map((a: any) => [a.username, a.mayReenrollAnyMac]).sort(),
    ).toEqual([
      ['enroll', true],
      ['helpdesk', true],
    ]);
    await api('patch', '/portal-accounts/helpdesk')
      .send({ mayReenrollAnyMac: false })
      .expect(200);
    const changes = await api('get', '/events?category=admin&search=helpdesk');
    expect(changes.body.items.map((e: any) => e.message)).toEqual([
      'Withdrew re-enrolling any Mac from the portal account "helpdesk"',
      'Allowed re-enrolling any Mac to the portal account "helpdesk"',
      'Added the portal account "helpdesk"',
    ]);

    permissions.set(name => ({
      result:
        name === portalAccountManagePermission.name
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    }));
    await api('patch', '/portal-accounts/helpdesk')
      .send({ mayReenrollAnyMac: true })
      .expect(403);
  });
});

describe.each(testDatabaseIds(databases))('SettingsStore on %s', id => {
  it('fills the re-enrollment rules of settings saved before them, and keeps saved ones', async () => {
    const knex = await migrated(await databases.init(id));
    const store = new DatabaseSettingsStore(knex);
    const { reenrollment: _, ...older } = DEFAULT_PORTAL_SETTINGS;
    await knex('enrollment_settings').insert({
      id: 'portal',
      settings: JSON.stringify({ ...older, allowReenrollment: false }),
      updated_at: new Date(),
    });
    expect(await store.get()).toMatchObject({
      allowReenrollment: false,
      reenrollment: DEFAULT_PORTAL_SETTINGS.reenrollment,
    });
    const saved = await store.save(
      { ...(await store.get()), reenrollment: RULES },
      'test',
    );
    expect(saved.reenrollment).toEqual(RULES);
    expect((await new DatabaseSettingsStore(knex).get()).reenrollment).toEqual(
      RULES,
    );
  });
});
