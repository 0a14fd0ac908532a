import { createHash, randomBytes } from 'node:crypto';
import { InputError } from '@backstage/errors';
import { createTestDatabases } from '@internal/test-harness';
import plist from 'plist';
import { migrated } from '../__testUtils__/stores';
import { DatabaseAgentPackageStore } from '../database/DatabaseAgentPackageStore';
import { AgentPackageService } from './AgentPackageService';
import { AgentPackageFetch } from './download';
import {
  bsdtarXar,
  componentPackage,
  productArchive,
  withSignatureElement,
} from './__testUtils__/packages';
import { fetchTrusting, startHttpsServer } from './__testUtils__/httpsServer';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function collect(pieces: AsyncIterable<Buffer>) {
  const parts: Buffer[] = [];
  for await (const p of pieces) parts.push(p);
  return Buffer.concat(parts);
}

describe('AgentPackageService', () => {
  const pkg = productArchive('gzip', randomBytes(300_000));
  let server: Awaited<ReturnType<typeof startHttpsServer>>;

  beforeAll(async () => {
    server = await startHttpsServer((req, res) => {
      if (req.url === '/dl/Acme%20Agent.pkg') {
        res.writeHead(200, { 'Content-Length': pkg.length }).end(pkg);
      } else if (req.url === '/chunked.pkg') {
        // No Content-Length: the limit must hold while streaming.
        res.writeHead(200);
        res.write(pkg.subarray(0, 200_000));
        res.end(pkg.subarray(200_000));
      } else if (req.url === '/stall.pkg') {
        res.writeHead(200);
        res.write(pkg.subarray(0, 1000));
      } else if (req.url === '/zip.pkg') {
        res.writeHead(200).end(Buffer.from('PK\x03\x04 not a package'));
      } else {
        res.writeHead(404).end('not here');
      }
    });
  });
  afterAll(() => server.close());

  async function setup(
    options: Partial<ConstructorParameters<typeof AgentPackageService>[0]> = {},
  ) {
    const knex = await migrated(await databases.init('SQLITE_3'));
    const store = new DatabaseAgentPackageStore(knex);
    return new AgentPackageService({
      store,
      fetch: fetchTrusting(server.ca),
      ...options,
    });
  }

  it('takes an upload: summary, warnings, manifest with the served URL, bytes, command', async () => {
    const service = await setup();
    expect(await service.summary()).toEqual({
      configured: false,
      warnings: [],
    });
    expect(await service.installCommand('https://m/x')).toBeUndefined();
    expect(await service.manifestXml('https://m/p.pkg')).toBeUndefined();

    const report = await service.setUpload(
      pkg,
      'C:\\Users\\me\\Acme Agent.pkg',
    );
    expect(report).toEqual({
      configured: true,
      source: 'upload',
      url: undefined,
      fileName: 'Acme Agent.pkg',
      bundleId: 'com.acme.agent',
      bundleVersion: '2.1.0',
      title: 'Acme Agent & Tools',
      sizeInBytes: pkg.length,
      sha256: sha256(pkg),
      signed: false,
      updatedAt: expect.stringMatching(/^\d{4}-/),
      warnings: [expect.stringMatching(/^This package is not signed/)],
    });
    expect(await service.summary()).toEqual(report);

    const manifest = plist.parse(
      (await service.manifestXml(
        'https://mdm.example.com/api/enrollment/mdm/agent/package.pkg',
      ))!,
    ) as any;
    expect(manifest.items[0].assets[0]).toEqual({
      kind: 'software-package',
      'sha256-size': pkg.length,
      sha256s: [sha256(pkg)],
      'md5-size': pkg.length,
      md5s: [createHash('md5').update(pkg).digest('hex')],
      url: 'https://mdm.example.com/api/enrollment/mdm/agent/package.pkg',
    });
    expect(manifest.items[0].metadata['bundle-identifier']).toBe(
      'com.acme.agent',
    );

    const content = await service.packageBytes();
    expect(content).toMatchObject({
      fileName: 'Acme Agent.pkg',
      sizeInBytes: pkg.length,
    });
    expect((await collect(content!.pieces)).equals(pkg)).toBe(true);

    expect(
      await service.installCommand('https://mdm.example.com/m.plist'),
    ).toEqual({
      RequestType: 'InstallEnterpriseApplication',
      ManifestURL: 'https://mdm.example.com/m.plist',
    });
    expect(await service.remove()).toBe(true);
    expect(await service.summary()).toEqual({
      configured: false,
      warnings: [],
    });
    expect(await service.packageBytes()).toBeUndefined();
  });

  it('warns about a component package but not about a signature it has', async () => {
    const service = await setup();
    const report = await service.setUpload(
      withSignatureElement(componentPackage('none')),
    );
    expect(report).toMatchObject({
      signed: true,
      fileName: 'agent.pkg',
      title: undefined,
    });
    expect(report.warnings).toEqual([
      expect.stringMatching(/^This is a component package/),
    ]);
    const manifest = plist.parse(
      (await service.manifestXml('https://m/p.pkg'))!,
    ) as any;
    expect(manifest.items[0].metadata.title).toBe('agent');
  });

  it.each([
    ['an empty upload', Buffer.alloc(0), 'The upload is empty'],
    [
      'a zip file',
      Buffer.from('PK\x03\x04 and more bytes than a header has, surely'),
      'The file is not a flat package (.pkg) macOS can install: it does not start with the xar signature "xar!"',
    ],
    [
      'a truncated package',
      pkg.subarray(0, 200),
      'The file is not a flat package (.pkg) macOS can install: its table of contents runs past the end of the file',
    ],
    [
      'a damaged package',
      (() => {
        const b = Buffer.from(pkg);
        b[b.length - 5000] ^= 1;
        return b;
      })(),
      'it is damaged: "base.pkg/Payload" does not match its checksum',
    ],
    [
      'a xar that is no installer package',
      bsdtarXar({ 'readme.txt': 'hi' }, 'none'),
      'The package has no Distribution or PackageInfo at its root',
    ],
  ])(
    'refuses %s with an InputError, keeping the current package',
    async (_what, bytes, message) => {
      const service = await setup();
      await service.setUpload(pkg, 'current.pkg');
      const attempt = service.setUpload(bytes, 'new.pkg');
      await expect(attempt).rejects.toThrow(InputError);
      await expect(attempt).rejects.toThrow(message);
      expect((await service.summary()).fileName).toBe('current.pkg');
    },
  );

  it('takes an https URL: downloads it once, and the manifest points there', async () => {
    const service = await setup();
    const url = `${server.url}/dl/Acme%20Agent.pkg`;
    const report = await service.setUrl(url);
    expect(report).toMatchObject({
      configured: true,
      source: 'url',
      url,
      fileName: 'Acme Agent.pkg',
      bundleId: 'com.acme.agent',
      sizeInBytes: pkg.length,
      sha256: sha256(pkg),
    });
    const manifest = plist.parse(
      (await service.manifestXml('https://ignored/p.pkg'))!,
    ) as any;
    expect(manifest.items[0].assets[0]).toMatchObject({
      url,
      sha256s: [sha256(pkg)],
    });
    // Macs download it from the URL, not from here.
    expect(await service.packageBytes()).toBeUndefined();
    // A chunked answer of the same bytes is as good.
    expect((await service.setUrl(`${server.url}/chunked.pkg`)).sha256).toBe(
      sha256(pkg),
    );
  });

  it.each([
    ['http', 'http://example.com/a.pkg', 'The agent package URL must be https'],
    ['ftp', 'ftp://example.com/a.pkg', 'must be https'],
    ['no URL', 'not a url', 'The agent package URL "not a url" is not a URL'],
    [
      'with credentials',
      'https://user:pw@example.com/a.pkg',
      'must not hold a user name or password',
    ],
    [
      'too long',
      `https://example.com/${'a'.repeat(2100)}`,
      'longer than 2048 characters',
    ],
  ])('refuses a URL: %s', async (_what, url, message) => {
    const service = await setup();
    await expect(service.setUrl(url)).rejects.toThrow(InputError);
    await expect(service.setUrl(url)).rejects.toThrow(message);
  });

  it('explains a download that fails, is too large, stalls or is no package', async () => {
    const service = await setup({
      maxDownloadBytes: 100_000,
      downloadTimeoutMs: 1000,
    });
    const fails = async (path: string, message: string | RegExp) => {
      const attempt = service.setUrl(`${server.url}${path}`);
      await expect(attempt).rejects.toThrow(InputError);
      await expect(attempt).rejects.toThrow(message);
    };
    await fails(
      '/missing.pkg',
      /missing.pkg answered HTTP 404: check that the URL points at the package/,
    );
    await fails(
      '/dl/Acme%20Agent.pkg',
      'is larger than the 100000-byte limit for an agent package',
    );
    await fails(
      '/chunked.pkg',
      'is larger than the 100000-byte limit for an agent package',
    );
    await fails('/stall.pkg', 'did not finish within 1 second');

    const roomy = await setup();
    await expect(roomy.setUrl(`${server.url}/zip.pkg`)).rejects.toThrow(
      'The file is not a flat package (.pkg) macOS can install',
    );
    expect((await roomy.summary()).configured).toBe(false);
  });

  it('uses the global fetch by default, which does not trust a private CA', async () => {
    const service = await setup({ fetch: undefined });
    await expect(
      service.setUrl(`${server.url}/dl/Acme%20Agent.pkg`),
    ).rejects.toThrow(
      /^Could not download https:\/\/127\.0\.0\.1:\d+\/dl\/Acme%20Agent\.pkg: self[- ]signed certificate/,
    );
  });

  it('refuses a redirect to plain http', async () => {
    const redirected: AgentPackageFetch = async () => {
      const response = new Response(pkg);
      Object.defineProperty(response, 'url', {
        value: 'http://cdn.example.com/a.pkg',
      });
      return response;
    };
    const service = await setup({ fetch: redirected });
    await expect(service.setUrl('https://example.com/a.pkg')).rejects.toThrow(
      'https://example.com/a.pkg redirects to http://cdn.example.com/a.pkg, which is not https',
    );
  });
});
