import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  agentManifestPlist,
  buildAgentManifest,
  hashPackageBytes,
  MANIFEST_CHUNK_SIZE,
  PackageHasher,
  withPackageUrl,
} from './manifest';
import { hashlibChunks, plistlibParse } from './__testUtils__/packages';

const hex = (algorithm: string, bytes: Buffer) =>
  createHash(algorithm).update(bytes).digest('hex');

describe('PackageHasher', () => {
  const bytes = randomBytes(2500);

  it.each([1, 333, 1000, 2500])(
    'hashes 1000-byte chunks the same whatever the pieces (%i bytes each)',
    piece => {
      const hasher = new PackageHasher(1000);
      for (let at = 0; at < bytes.length; at += piece) {
        hasher.update(bytes.subarray(at, at + piece));
      }
      expect(hasher.digest()).toEqual({
        sizeInBytes: 2500,
        sha256: hex('sha256', bytes),
        chunkSize: 1000,
        sha256s: [0, 1000, 2000].map(at =>
          hex('sha256', bytes.subarray(at, at + 1000)),
        ),
        md5s: [0, 1000, 2000].map(at =>
          hex('md5', bytes.subarray(at, at + 1000)),
        ),
      });
    },
  );

  it('ends exactly on a chunk boundary without an empty chunk, and shrinks the chunk to a small package', () => {
    const even = new PackageHasher(1000);
    even.update(bytes.subarray(0, 2000));
    expect(even.digest().sha256s).toHaveLength(2);

    const small = new PackageHasher(1000);
    small.update(bytes.subarray(0, 10));
    expect(small.digest()).toMatchObject({
      chunkSize: 10,
      sha256s: [hex('sha256', bytes.subarray(0, 10))],
    });
  });

  it('hashes a large buffer without holding the event loop', async () => {
    const big = randomBytes(48 * 1024 * 1024);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      const digests = await hashPackageBytes(big);
      expect(digests.sha256).toBe(hex('sha256', big));
      expect(digests.sha256s).toHaveLength(5);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(3);
  });
});

describe('buildAgentManifest', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'agent-manifest-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const info = {
    bundleId: 'com.acme.agent',
    bundleVersion: '2.1.0',
    title: 'Acme <Agent> & Tools',
    items: [
      { bundleId: 'com.acme.agent.base', bundleVersion: '2.1.0' },
      { bundleId: 'com.acme.agent.helper', bundleVersion: '1.4' },
    ],
  };

  it('writes the manifest plist Apple describes, with chunk hashes plistlib and hashlib agree on', async () => {
    const pkg = join(dir, 'agent.pkg');
    const bytes = randomBytes(2 * MANIFEST_CHUNK_SIZE + 4321);
    writeFileSync(pkg, bytes);
    const xml = agentManifestPlist(
      buildAgentManifest({
        digests: await hashPackageBytes(bytes),
        url: 'https://mdm.example.com/api/enrollment/mdm/agent/package.pkg?a=1&b=2',
        info,
      }),
    );
    writeFileSync(join(dir, 'manifest.plist'), xml);
    const parsed = plistlibParse(join(dir, 'manifest.plist'));
    const python = hashlibChunks(pkg, MANIFEST_CHUNK_SIZE);
    expect(python.sha256s).toHaveLength(3);
    expect(parsed).toEqual({
      items: [
        {
          assets: [
            {
              kind: 'software-package',
              'sha256-size': MANIFEST_CHUNK_SIZE,
              sha256s: python.sha256s,
              'md5-size': MANIFEST_CHUNK_SIZE,
              md5s: python.md5s,
              url: 'https://mdm.example.com/api/enrollment/mdm/agent/package.pkg?a=1&b=2',
            },
          ],
          metadata: {
            kind: 'software',
            'bundle-identifier': 'com.acme.agent',
            'bundle-version': '2.1.0',
            title: 'Acme <Agent> & Tools',
            sizeInBytes: python.size,
            items: [
              {
                'bundle-identifier': 'com.acme.agent.base',
                'bundle-version': '2.1.0',
              },
              {
                'bundle-identifier': 'com.acme.agent.helper',
                'bundle-version': '1.4',
              },
            ],
          },
        },
      ],
    });
  });

  it('lists no items for a component package and falls back to a title', async () => {
    const digests = await hashPackageBytes(Buffer.from('pkg'));
    const manifest = buildAgentManifest({
      digests,
      url: 'https://x.example/a.pkg',
      info: {
        bundleId: 'com.acme.agent.base',
        bundleVersion: '2.1.0',
        items: [{ bundleId: 'com.acme.agent.base', bundleVersion: '2.1.0' }],
      },
      fallbackTitle: 'Acme Agent',
    });
    expect(manifest.items[0].metadata).toEqual({
      kind: 'software',
      'bundle-identifier': 'com.acme.agent.base',
      'bundle-version': '2.1.0',
      title: 'Acme Agent',
      sizeInBytes: 3,
    });
    expect(manifest.items[0].assets[0]['sha256-size']).toBe(3);
    expect(
      withPackageUrl(manifest, 'https://y.example/b.pkg').items[0].assets[0]
        .url,
    ).toBe('https://y.example/b.pkg');
    expect(manifest.items[0].assets[0].url).toBe('https://x.example/a.pkg');
  });
});
