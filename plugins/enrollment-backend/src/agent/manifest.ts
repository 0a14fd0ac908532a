import { createHash, Hash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import plist from 'plist';
import { AgentPackageInfo } from './packageInfo';

/** The chunk each manifest hash covers: 10 MiB, micromdm's DefaultMD5Size. */
export const MANIFEST_CHUNK_SIZE = 10 * 1024 * 1024;

/** A package's size, its SHA-256 and the per-chunk hashes a manifest lists. */
export interface PackageDigests {
  sizeInBytes: number;
  sha256: string;
  /** Bytes per chunk: MANIFEST_CHUNK_SIZE, or the whole package when smaller. */
  chunkSize: number;
  sha256s: string[];
  md5s: string[];
}

/**
 * Hashes a package as it streams by, whole and per chunk. Feed it in any
 * pieces; the chunk boundaries do not depend on them.
 */
export class PackageHasher {
  private readonly whole = createHash('sha256');
  private chunkSha256: Hash = createHash('sha256');
  private chunkMd5: Hash = createHash('md5');
  private inChunk = 0;
  private size = 0;
  private readonly sha256s: string[] = [];
  private readonly md5s: string[] = [];

  constructor(private readonly chunkSize = MANIFEST_CHUNK_SIZE) {}

  get sizeInBytes(): number {
    return this.size;
  }

  update(bytes: Uint8Array): void {
    this.whole.update(bytes);
    this.size += bytes.length;
    let at = 0;
    while (at < bytes.length) {
      const take = Math.min(this.chunkSize - this.inChunk, bytes.length - at);
      const piece = bytes.subarray(at, at + take);
      this.chunkSha256.update(piece);
      this.chunkMd5.update(piece);
      this.inChunk += take;
      at += take;
      if (this.inChunk === this.chunkSize) this.endChunk();
    }
  }

  digest(): PackageDigests {
    if (this.inChunk > 0) this.endChunk();
    return {
      sizeInBytes: this.size,
      sha256: this.whole.digest('hex'),
      // micromdm and zentral: one chunk the size of a package smaller than a chunk.
      chunkSize: Math.min(this.chunkSize, this.size),
      sha256s: [...this.sha256s],
      md5s: [...this.md5s],
    };
  }

  private endChunk() {
    this.sha256s.push(this.chunkSha256.digest('hex'));
    this.md5s.push(this.chunkMd5.digest('hex'));
    this.chunkSha256 = createHash('sha256');
    this.chunkMd5 = createHash('md5');
    this.inChunk = 0;
  }
}

const HASH_STEP = 1024 * 1024;

/** Hashes bytes in memory 1 MiB at a time, yielding to the event loop between steps. */
export async function hashPackageBytes(
  bytes: Buffer,
  chunkSize = MANIFEST_CHUNK_SIZE,
): Promise<PackageDigests> {
  const hasher = new PackageHasher(chunkSize);
  for (let at = 0; at < bytes.length; at += HASH_STEP) {
    hasher.update(bytes.subarray(at, at + HASH_STEP));
    await yieldToEventLoop();
  }
  return hasher.digest();
}

/** An asset of a manifest item: the package to download and how to check it. */
export interface AgentManifestAsset {
  kind: 'software-package';
  'sha256-size': number;
  sha256s: string[];
  'md5-size': number;
  md5s: string[];
  url: string;
}

/** The app manifest InstallEnterpriseApplication's ManifestURL points at. */
export interface AgentManifest {
  items: Array<{
    assets: AgentManifestAsset[];
    metadata: {
      kind: 'software';
      'bundle-identifier': string;
      'bundle-version': string;
      title: string;
      sizeInBytes: number;
      items?: Array<{ 'bundle-identifier': string; 'bundle-version': string }>;
    };
  }>;
}

/**
 * The manifest for one package (Apple's ManifestURL object: items → assets
 * of kind software-package with the package url and chunk hashes, and
 * metadata of kind software with the bundle identifier and version).
 *
 * Both SHA-256 and MD5 chunk hashes: Apple's ManifestURL page says a device
 * that finds both uses only the SHA-256 ones, InstallEnterpriseApplication
 * (application.install.enterprise.yaml) accepts sha256s/sha256-size on top of
 * the InstallApplication manifest, and micromdm's appmanifest writes
 * md5-size/md5s, which the older InstallApplication needs. So the same
 * manifest serves both commands.
 */
export function buildAgentManifest(options: {
  digests: PackageDigests;
  url: string;
  info: Pick<
    AgentPackageInfo,
    'bundleId' | 'bundleVersion' | 'title' | 'items'
  >;
  /** Shown when the package has no title. */
  fallbackTitle?: string;
}): AgentManifest {
  const { digests, url, info } = options;
  // A component package's one item is the package itself: no list then.
  const items =
    info.items.length === 1 &&
    info.items[0].bundleId === info.bundleId &&
    info.items[0].bundleVersion === info.bundleVersion
      ? []
      : info.items;
  return {
    items: [
      {
        assets: [
          {
            kind: 'software-package',
            'sha256-size': digests.chunkSize,
            sha256s: digests.sha256s,
            'md5-size': digests.chunkSize,
            md5s: digests.md5s,
            url,
          },
        ],
        metadata: {
          kind: 'software',
          'bundle-identifier': info.bundleId,
          'bundle-version': info.bundleVersion,
          title: info.title ?? options.fallbackTitle ?? info.bundleId,
          sizeInBytes: digests.sizeInBytes,
          ...(items.length
            ? {
                items: items.map(i => ({
                  'bundle-identifier': i.bundleId,
                  'bundle-version': i.bundleVersion,
                })),
              }
            : {}),
        },
      },
    ],
  };
}

/** The manifest as a property list (XML), the form a Mac downloads. */
export function agentManifestPlist(manifest: AgentManifest): string {
  return plist.build(manifest as unknown as plist.PlistValue);
}

/** The same manifest pointing at another package URL. */
export function withPackageUrl(
  manifest: AgentManifest,
  url: string,
): AgentManifest {
  return {
    items: manifest.items.map(item => ({
      ...item,
      assets: item.assets.map(asset => ({ ...asset, url })),
    })),
  };
}
