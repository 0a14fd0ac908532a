import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ENROLLMENT_COMPUTER_RESOURCE_TYPE } from '@macenroll/plugin-enrollment-common';
import { Knex } from 'knex';
import request from 'supertest';
import {
  createEnrollmentStores,
  EnrollmentStores,
} from '../database/createEnrollmentStores';
import { enrollmentPlugin } from '../plugin';
import { switchablePermissions } from '../__testUtils__/permissions';
import { seedMac } from '../__testUtils__/seedMac';

jest.setTimeout(120_000);

// The catalog: people, one Mac of Jane's as the catalog module publishes
// it, and a resource that is no Mac.
const CATALOG_YAML = (janesMacId: string) => `
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: jane.doe }
spec: { profile: { email: Jane.Doe@Example.com }, memberOf: [] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: bob }
spec: { profile: { email: bob@example.com }, memberOf: [] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: admin }
spec: { memberOf: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: C02JANE0001
  annotations:
    macenroll.io/computer-id: ${janesMacId}
    macenroll.io/udid: UDID-JANE-1
    macenroll.io/serial-number: C02JANE0001
spec: { type: mac, owner: user:default/jane.doe }
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: build-db
  annotations:
    macenroll.io/computer-id: ${janesMacId}
spec: { type: database, owner: user:default/bob }
`;

describe('GET /entity-computers (entity cards)', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const permissions = switchablePermissions();
  let server: any;
  let dir: string;
  let stores: EnrollmentStores;
  let janesMacId: string;
  let paris: string;
  let lyon: string;

  const as = (user: string) =>
    mockCredentials.user.header(`user:default/${user}`);
  const get = (entityRef: string, user = 'jane.doe') =>
    request(server)
      .get('/api/enrollment/entity-computers')
      .query({ entityRef })
      .set('Authorization', as(user));
  const serials = (body: any) =>
    (body.items as { serialNumber: string }[]).map(c => c.serialNumber).sort();
  const denyComputerRead = () =>
    permissions.set(name => ({
      result:
        name === 'enrollment.computer.read'
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    }));

  beforeAll(async () => {
    const enrollmentKnex: Knex = await databases.init('SQLITE_3');
    const catalogKnex: Knex = await databases.init('SQLITE_3');
    // The Mac's id is a UUID the stores choose, so the catalog file is
    // written after the first Mac is seeded: migrate and seed first.
    stores = await createEnrollmentStores(
      mockServices.database({ knex: enrollmentKnex }),
    );
    paris = (await stores.sites.create('Paris')).id;
    lyon = (await stores.sites.create('Lyon')).id;
    janesMacId = await seedMac(stores, {
      serialNumber: 'C02JANE0001',
      // Same person as the catalog's jane.doe, by username in another case.
      user: { username: 'Jane.Doe', email: 'jane@old-domain.example' },
      status: 'enrolled',
      siteId: paris,
    });
    await seedMac(stores, {
      serialNumber: 'C02JANE0002',
      // ...and by e-mail only, in another case.
      user: { username: 'jdoe', email: 'jane.doe@example.com ' },
      status: 'enrolling',
      siteId: lyon,
    });
    await seedMac(stores, {
      serialNumber: 'C02JANE0OLD',
      user: { username: 'jane.doe' },
      status: 'unenrolled',
    });
    await seedMac(stores, {
      serialNumber: 'C02BOB00001',
      user: { username: 'bob', email: 'bob@example.com' },
      status: 'enrolled',
      siteId: lyon,
    });
    // Shares a prefix and a domain with Jane's, so a LIKE would find it.
    await seedMac(stores, {
      serialNumber: 'C02JANE0999',
      user: { username: 'jane.doe2', email: 'doe@example.com' },
      status: 'enrolled',
    });

    dir = await mkdtemp(join(tmpdir(), 'entity-computers-'));
    const catalogFile = join(dir, 'catalog.yaml');
    await writeFile(catalogFile, CATALOG_YAML(janesMacId));

    const backend = await startTestBackend({
      features: [
        enrollmentPlugin,
        catalogPlugin,
        permissions.service.factory,
        createServiceFactory({
          service: coreServices.database,
          deps: { plugin: coreServices.pluginMetadata },
          factory: ({ plugin }) =>
            mockServices.database({
              knex:
                plugin.getId() === 'enrollment' ? enrollmentKnex : catalogKnex,
            }),
        }),
        mockServices.rootConfig.factory({
          data: {
            enrollment: { organization: 'Acme' },
            catalog: {
              rules: [{ allow: ['User', 'Resource', 'Location'] }],
              locations: [{ type: 'file', target: catalogFile }],
            },
          },
        }),
      ],
    });
    server = backend.server;

    // The catalog reads its file in the background.
    for (let i = 0; i < 120; i++) {
      const res = await get('resource:default/c02jane0001', 'admin');
      if (res.status === 200) break;
      await new Promise(r => setTimeout(r, 500));
    }
  });
  beforeEach(() => permissions.set(() => ({ result: AuthorizeResult.ALLOW })));
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe('refusals first', () => {
    it("answers 403 and no data to a person asking for someone else's Macs without enrollment.computer.read", async () => {
      denyComputerRead();
      const res = await get('user:default/jane.doe', 'bob');
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('NotAllowedError');
      expect(res.body.error.message).toContain('enrollment.computer.read');
      expect(JSON.stringify(res.body)).not.toContain('C02JANE');
      expect(res.body.items).toBeUndefined();
    });

    it("answers 403 for someone else's Mac page without the permission", async () => {
      denyComputerRead();
      const res = await get('resource:default/C02JANE0001', 'bob');
      expect(res.status).toBe(403);
      expect(res.body.items).toBeUndefined();
      expect(JSON.stringify(res.body)).not.toMatch(/UDID-|Jane\.Doe|Paris/);
    });

    it('answers 403 for a person without Macs too, so a refusal tells nothing', async () => {
      denyComputerRead();
      const res = await get('user:default/admin', 'bob');
      expect(res.status).toBe(403);
    });

    it('answers 403, not 404, for an unknown person, so a refusal tells nothing of the catalog', async () => {
      denyComputerRead();
      const res = await get('user:default/nobody', 'bob');
      expect(res.status).toBe(403);
    });

    it.each([
      ['no ref', undefined],
      ['garbage', '<script>'],
      ['a ref without kind', 'jane.doe'],
      ['another kind', 'component:default/jane.doe'],
      ['a path in the name', 'user:default/../jane.doe'],
      ['SQL', "user:default/x' OR '1'='1"],
      ['a very long ref', `user:default/${'a'.repeat(400)}`],
    ])('answers 400 to %s', async (_, entityRef) => {
      const res = await request(server)
        .get('/api/enrollment/entity-computers')
        .query(entityRef === undefined ? {} : { entityRef })
        .set('Authorization', as('jane.doe'));
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.items).toBeUndefined();
    });

    it('answers 400 to a ref given twice', async () => {
      const authed = await request(server)
        .get(
          '/api/enrollment/entity-computers?entityRef=user:default/bob&entityRef=user:default/jane.doe',
        )
        .set('Authorization', as('jane.doe'));
      expect(authed.status).toBe(400);
    });

    it('answers 401 without credentials', async () => {
      const res = await request(server)
        .get('/api/enrollment/entity-computers')
        .query({ entityRef: 'user:default/jane.doe' })
        .set('Authorization', mockCredentials.none.header());
      expect(res.status).toBe(401);
      expect(res.body.items).toBeUndefined();
    });

    it('answers 404 for an entity the catalog does not have', async () => {
      const res = await get('user:default/nobody', 'admin');
      expect(res.status).toBe(404);
      expect(res.body.error.message).toContain('user:default/nobody');
    });
  });

  it('shows a person their own Macs, enrolling and enrolled, matched by username or e-mail, without any permission', async () => {
    denyComputerRead();
    const res = await get('user:default/jane.doe', 'jane.doe');
    expect(res.status).toBe(200);
    expect(serials(res.body)).toEqual(['C02JANE0001', 'C02JANE0002']);
    expect(res.body.items[0]).toMatchObject({
      udid: expect.any(String),
      model: 'MacBook Air',
      osVersion: '15.1',
    });
  });

  it("shows someone else's Macs with enrollment.computer.read", async () => {
    const res = await get('user:jane.doe', 'admin');
    expect(res.status).toBe(200);
    expect(serials(res.body)).toEqual(['C02JANE0001', 'C02JANE0002']);
  });

  it('limits them to the sites a conditional decision allows', async () => {
    permissions.set(name =>
      name === 'enrollment.computer.read'
        ? {
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'enrollment',
            resourceType: ENROLLMENT_COMPUTER_RESOURCE_TYPE,
            conditions: {
              rule: 'IS_IN_SITE',
              resourceType: ENROLLMENT_COMPUTER_RESOURCE_TYPE,
              params: { siteIds: [lyon] },
            },
          }
        : { result: AuthorizeResult.ALLOW },
    );
    const res = await get('user:default/jane.doe', 'admin');
    expect(serials(res.body)).toEqual(['C02JANE0002']);
    const mac = await get('resource:default/C02JANE0001', 'admin');
    expect(mac.status).toBe(403);
  });

  it("shows a Mac's page its one computer, to its owner without any permission", async () => {
    denyComputerRead();
    const res = await get('resource:default/C02JANE0001', 'jane.doe');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      id: janesMacId,
      serialNumber: 'C02JANE0001',
      status: 'enrolled',
      site: { id: paris, name: 'Paris' },
    });
  });

  it('answers an empty list for a resource that is no Mac', async () => {
    const res = await get('resource:default/build-db', 'admin');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [] });
  });
});

describe('GET /entity-computers without a catalog in the backend', () => {
  it('answers 404 in JSON that names the entity and the missing catalog', async () => {
    const { server } = await startTestBackend({
      features: [
        enrollmentPlugin,
        mockServices.rootConfig.factory({
          data: { enrollment: { organization: 'Acme' } },
        }),
      ],
    });
    const res = await request(server)
      .get('/api/enrollment/entity-computers')
      .query({ entityRef: 'user:default/jane.doe' })
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/jane.doe'),
      );
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(
      /user:default\/jane\.doe.*catalog plugin/,
    );
    expect(res.body.items).toBeUndefined();
  });
});
