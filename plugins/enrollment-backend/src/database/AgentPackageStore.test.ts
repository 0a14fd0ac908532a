import { randomBytes } from 'node:crypto';
import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import { migrated } from '../__testUtils__/stores';
import { NewAgentPackage } from './AgentPackageStore';
import {
  AGENT_PACKAGE_PIECE_SIZE,
  DatabaseAgentPackageStore,
} from './DatabaseAgentPackageStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const described = (
  overrides: Partial<NewAgentPackage> = {},
): NewAgentPackage => ({
  source: 'upload',
  fileName: 'Acme Agent.pkg',
  bundleId: 'com.acme.agent',
  bundleVersion: '2.1.0',
  title: 'Acme Agent',
  sizeInBytes: 0,
  sha256: 'ab'.repeat(32),
  signed: false,
  distribution: true,
  manifest: '<plist/>',
  ...overrides,
});

async function collect(iterable: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of iterable) parts.push(part);
  return Buffer.concat(parts);
}

describe.each(testDatabaseIds(databases))('AgentPackageStore on %s', id => {
  async function setup() {
    const knex = await migrated(await databases.init(id));
    return { knex, store: new DatabaseAgentPackageStore(knex) };
  }

  it('keeps an upload and gives its bytes back in pieces, byte for byte', async () => {
    const { store } = await setup();
    expect(await store.get()).toBeUndefined();
    // Two full pieces and a partial one, with every byte value.
    const bytes = randomBytes(2 * AGENT_PACKAGE_PIECE_SIZE + 12345);
    const saved = await store.replace(
      described({ sizeInBytes: bytes.length, signed: true }),
      bytes,
    );
    const got = await store.get();
    expect(got).toEqual(saved);
    expect(got).toEqual({
      source: 'upload',
      url: undefined,
      fileName: 'Acme Agent.pkg',
      bundleId: 'com.acme.agent',
      bundleVersion: '2.1.0',
      title: 'Acme Agent',
      sizeInBytes: bytes.length,
      sha256: 'ab'.repeat(32),
      signed: true,
      distribution: true,
      manifest: '<plist/>',
      contentId: expect.any(String),
      updatedAt: expect.any(Date),
    });
    const pieces: number[] = [];
    for await (const piece of store.readContent(
      got!.contentId!,
      bytes.length,
    )) {
      pieces.push(piece.length);
    }
    expect(pieces).toEqual([
      AGENT_PACKAGE_PIECE_SIZE,
      AGENT_PACKAGE_PIECE_SIZE,
      12345,
    ]);
    expect(
      (await collect(store.readContent(got!.contentId!, bytes.length))).equals(
        bytes,
      ),
    ).toBe(true);
  });

  it('keeps sizes beyond 32 bits and a URL package without bytes', async () => {
    const { knex, store } = await setup();
    await store.replace(described({ sizeInBytes: 10 }), Buffer.alloc(10, 1));
    const size = 3 * 1024 ** 3;
    const saved = await store.replace(
      described({
        source: 'url',
        url: 'https://cdn.example.com/agent.pkg',
        fileName: undefined,
        title: undefined,
        sizeInBytes: size,
        distribution: false,
      }),
    );
    expect(saved.contentId).toBeUndefined();
    expect(await store.get()).toMatchObject({
      source: 'url',
      url: 'https://cdn.example.com/agent.pkg',
      fileName: undefined,
      title: undefined,
      sizeInBytes: size,
      signed: false,
      distribution: false,
    });
    // The upload's bytes went with it.
    const [{ n }] = await knex('enrollment_agent_package_chunks').count({
      n: '*',
    });
    expect(Number(n)).toBe(0);
  });

  it('a replacement drops the old bytes, so a reader of them fails instead of mixing packages', async () => {
    const { store } = await setup();
    const first = randomBytes(AGENT_PACKAGE_PIECE_SIZE + 1);
    const old = await store.replace(
      described({ sizeInBytes: first.length }),
      first,
    );
    const reader = store
      .readContent(old.contentId!, first.length)
      [Symbol.asyncIterator]();
    const piece = (await reader.next()).value as Buffer;
    expect(piece.equals(first.subarray(0, AGENT_PACKAGE_PIECE_SIZE))).toBe(
      true,
    );

    const second = randomBytes(100);
    const now = await store.replace(described({ sizeInBytes: 100 }), second);
    expect(now.contentId).not.toBe(old.contentId);
    await expect(reader.next()).rejects.toThrow(/replaced or removed/);
    expect(
      (await collect(store.readContent(now.contentId!, 100))).equals(second),
    ).toBe(true);
  });

  it('refuses bytes that do not match the size, and removes everything', async () => {
    const { store } = await setup();
    await expect(
      store.replace(described({ sizeInBytes: 5 }), Buffer.alloc(4)),
    ).rejects.toThrow(/4 bytes, not 5/);
    expect(await store.get()).toBeUndefined();

    const saved = await store.replace(
      described({ sizeInBytes: 3 }),
      Buffer.from('abc'),
    );
    await expect(
      collect(store.readContent(saved.contentId!, 4)),
    ).rejects.toThrow(/3 bytes, not 4/);
    expect(await store.remove()).toBe(true);
    expect(await store.get()).toBeUndefined();
    await expect(
      collect(store.readContent(saved.contentId!, 3)),
    ).rejects.toThrow(/replaced or removed/);
    expect(await store.remove()).toBe(false);
  });
});
