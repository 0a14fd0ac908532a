import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import request from 'supertest';
import { DatabaseAgentPackageStore } from '../database/DatabaseAgentPackageStore';
import { DatabaseEventStore } from '../database/DatabaseEventStore';
import { applyMigrations } from '../database/migrations';
import { createAudited } from '../service/audited';
import { Authorizer } from '../service/Authorizer';
import { AgentPackageService } from './AgentPackageService';
import { MANIFEST_CHUNK_SIZE } from './manifest';
import { createAgentRoutes } from './router';
import {
  binary,
  hashlibChunks,
  plistlibParse,
  productArchive,
} from './__testUtils__/packages';
import { fetchTrusting, startHttpsServer } from './__testUtils__/httpsServer';

jest.setTimeout(120_000);

const MiB = 1024 * 1024;

describe('agent package routes', () => {
  let server: any;
  let db: Knex;
  let dir: string;
  let https: Awaited<ReturnType<typeof startHttpsServer>>;
  let denied: string[] = [];
  // Two 10 MiB manifest chunks and a bit, stored uncompressed.
  const pkg = productArchive('none', randomBytes(20 * MiB + 12345));
  const small = productArchive('gzip', randomBytes(5000));

  const admin = () => mockCredentials.user.header('user:default/admin');
  const api = (path: string) => `/api/enrollment${path}`;
  const upload = (bytes: Buffer, fileName = 'Acme Agent.pkg') =>
    request(server)
      .put(api(`/agent/package?fileName=${encodeURIComponent(fileName)}`))
      .set('Authorization', admin())
      .set('Content-Type', 'application/octet-stream')
      .send(bytes);
  const activity = async () =>
    (await db('enrollment_events').orderBy('id')).map(e => [
      e.type,
      e.actor,
      e.message,
    ]);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'agent-routes-'));
    https = await startHttpsServer((req, res) => {
      if (req.url === '/agent.pkg') res.writeHead(200).end(small);
      else res.writeHead(404).end();
    });
    const wiring = createBackendPlugin({
      pluginId: 'enrollment',
      register(env) {
        env.registerInit({
          deps: {
            database: coreServices.database,
            httpRouter: coreServices.httpRouter,
            httpAuth: coreServices.httpAuth,
            permissions: coreServices.permissions,
            auditor: coreServices.auditor,
            discovery: coreServices.discovery,
          },
          async init(deps) {
            db = await applyMigrations(deps.database);
            const routes = createAgentRoutes({
              service: new AgentPackageService({
                store: new DatabaseAgentPackageStore(db),
                fetch: fetchTrusting(https.ca),
              }),
              authorizer: new Authorizer(deps.httpAuth, deps.permissions),
              audited: createAudited({
                auditor: deps.auditor,
                events: new DatabaseEventStore(db),
              }),
              baseUrl: () => deps.discovery.getExternalBaseUrl('enrollment'),
              maxUploadBytes: 30 * MiB,
            });
            deps.httpRouter.addAuthPolicy({
              path: '/mdm',
              allow: 'unauthenticated',
            });
            deps.httpRouter.use(routes.publicRouter);
            deps.httpRouter.use(routes.adminRouter);
          },
        });
      },
    });
    const backend = await startTestBackend({
      features: [
        wiring,
        // A request without credentials is anonymous, not the default user.
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(r => ({
              result: denied.includes(r.permission.name)
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
            })) as any,
        }).factory,
      ],
    });
    server = backend.server;
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await https.close();
  });
  beforeEach(async () => {
    denied = [];
    await request(server)
      .delete(api('/agent/package'))
      .set('Authorization', admin());
    await db('enrollment_events').delete();
  });

  it('admin routes need credentials and the settings permissions; nothing is set at first', async () => {
    expect((await request(server).get(api('/agent/package'))).status).toBe(401);
    denied = ['enrollment.settings.read'];
    const refused = await request(server)
      .get(api('/agent/package'))
      .set('Authorization', admin());
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('enrollment.settings.read');

    denied = ['enrollment.settings.update'];
    expect((await upload(small)).status).toBe(403);
    const put = await request(server)
      .put(api('/agent/url'))
      .set('Authorization', admin())
      .send({ url: `${https.url}/agent.pkg` });
    expect(put.status).toBe(403);
    expect(
      (
        await request(server)
          .delete(api('/agent/package'))
          .set('Authorization', admin())
      ).status,
    ).toBe(403);

    const summary = await request(server)
      .get(api('/agent/package'))
      .set('Authorization', admin());
    expect(summary.status).toBe(200);
    expect(summary.body).toEqual({ configured: false, warnings: [] });
    expect(
      (await request(server).get(api('/mdm/agent/manifest.plist'))).status,
    ).toBe(404);
    expect(
      (await request(server).get(api('/mdm/agent/package.pkg'))).status,
    ).toBe(404);
    expect(await activity()).toEqual([]);
  });

  it('serves an upload and a manifest whose hashes plistlib and hashlib confirm', async () => {
    const put = await upload(pkg);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      configured: true,
      source: 'upload',
      fileName: 'Acme Agent.pkg',
      bundleId: 'com.acme.agent',
      bundleVersion: '2.1.0',
      title: 'Acme Agent & Tools',
      sizeInBytes: pkg.length,
      signed: false,
      warnings: [expect.stringMatching(/not signed/)],
    });
    expect(await activity()).toEqual([
      [
        'admin.agent-package-upload',
        'user:default/admin',
        'Uploaded the management agent package "Acme Agent.pkg"',
      ],
    ]);

    const served = await request(server)
      .get(api('/mdm/agent/package.pkg'))
      .buffer(true)
      .parse(binary);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('application/octet-stream');
    expect(served.headers['content-length']).toBe(String(pkg.length));
    expect(served.headers['content-disposition']).toBe(
      'attachment; filename="Acme Agent.pkg"',
    );
    expect((served.body as Buffer).equals(pkg)).toBe(true);
    const head = await request(server).head(api('/mdm/agent/package.pkg'));
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(pkg.length));

    const manifest = await request(server).get(
      api('/mdm/agent/manifest.plist'),
    );
    expect(manifest.status).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/xml/);
    writeFileSync(join(dir, 'manifest.plist'), manifest.text);
    writeFileSync(join(dir, 'served.pkg'), served.body);
    const parsed = plistlibParse(join(dir, 'manifest.plist'));
    const python = hashlibChunks(join(dir, 'served.pkg'), MANIFEST_CHUNK_SIZE);
    expect(python.sha256s).toHaveLength(3);
    const [item] = parsed.items;
    expect(item.assets).toEqual([
      {
        kind: 'software-package',
        'sha256-size': MANIFEST_CHUNK_SIZE,
        sha256s: python.sha256s,
        'md5-size': MANIFEST_CHUNK_SIZE,
        md5s: python.md5s,
        url: expect.stringMatching(
          /^https?:\/\/[^/]+\/api\/enrollment\/mdm\/agent\/package\.pkg$/,
        ),
      },
    ]);
    expect(item.metadata).toMatchObject({
      kind: 'software',
      'bundle-identifier': 'com.acme.agent',
      'bundle-version': '2.1.0',
      sizeInBytes: python.size,
    });
    expect(put.body.sha256).toBe(python.sha256);
    // The manifest's URL is this very route.
    const path = new URL(item.assets[0].url).pathname;
    expect((await request(server).head(path)).status).toBe(200);
  });

  it('refuses what is not a package with a 400 and a body over the limit with a 413', async () => {
    const zip = await upload(Buffer.from('PK\x03\x04 a zip, not a package'));
    expect(zip.status).toBe(400);
    expect(zip.body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'The file is not a flat package (.pkg) macOS can install',
      ),
    });
    const damaged = Buffer.from(small);
    damaged[damaged.length - 100] ^= 1;
    expect((await upload(damaged)).body.error.message).toMatch(
      /it is damaged: "base.pkg\/Payload" does not match its checksum/,
    );

    const tooLarge = await upload(Buffer.alloc(31 * MiB));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.message).toBe(
      'The package is larger than the 30 MiB upload limit: put it on an https server and set its URL instead',
    );
    const twice = await request(server)
      .put(api('/agent/package?fileName=a&fileName=b'))
      .set('Authorization', admin())
      .send(small);
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toBe(
      'fileName must be given once, as text',
    );
    expect(
      (await request(server).get(api('/mdm/agent/manifest.plist'))).status,
    ).toBe(404);
  });

  it('takes an https URL, whose manifest points there, and removes it', async () => {
    const url = `${https.url}/agent.pkg`;
    const plain = await request(server)
      .put(api('/agent/url'))
      .set('Authorization', admin())
      .send({ url: 'http://example.com/agent.pkg' });
    expect(plain.status).toBe(400);
    expect(plain.body.error.message).toMatch(/must be https/);
    const extra = await request(server)
      .put(api('/agent/url'))
      .set('Authorization', admin())
      .send({ url, more: 1 });
    expect(extra.status).toBe(400);

    const put = await request(server)
      .put(api('/agent/url'))
      .set('Authorization', admin())
      .send({ url });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      source: 'url',
      url,
      sizeInBytes: small.length,
    });

    const manifest = await request(server).get(
      api('/mdm/agent/manifest.plist'),
    );
    writeFileSync(join(dir, 'url-manifest.plist'), manifest.text);
    expect(
      plistlibParse(join(dir, 'url-manifest.plist')).items[0].assets[0].url,
    ).toBe(url);
    // Macs download it from there, not from here.
    expect(
      (await request(server).get(api('/mdm/agent/package.pkg'))).status,
    ).toBe(404);

    const removed = await request(server)
      .delete(api('/agent/package'))
      .set('Authorization', admin());
    expect(removed.status).toBe(204);
    expect(
      (await request(server).get(api('/mdm/agent/manifest.plist'))).status,
    ).toBe(404);
    expect(
      (await activity()).map(([type, , message]) => [type, message]),
    ).toEqual([
      ['admin.agent-package-url', `Set the management agent package to ${url}`],
      ['admin.agent-package-delete', 'Removed the management agent package'],
    ]);
  });
});
