import { InputError } from '@backstage/errors';
import { AgentPackageSummary } from '@macenroll/plugin-enrollment-common';
import plist from 'plist';
import {
  AgentPackageRecord,
  AgentPackageStore,
} from '../database/AgentPackageStore';
import { bufferSource, ByteSource, fileSource } from './byteSource';
import { AgentPackageFetch, downloadPackage } from './download';
import { FlatPackage, FlatPackageError } from './flatPackage';
import {
  AgentManifest,
  agentManifestPlist,
  buildAgentManifest,
  hashPackageBytes,
  PackageDigests,
  withPackageUrl,
} from './manifest';
import {
  AgentPackageInfo,
  agentPackageWarnings,
  PackageInfoError,
  readAgentPackageInfo,
} from './packageInfo';

/** The summary admins see, with what stands between the package and an install. */
export type AgentPackageReport = AgentPackageSummary & { warnings: string[] };

/** An uploaded package's bytes, to serve. */
export interface AgentPackageContent {
  fileName: string;
  sizeInBytes: number;
  sha256: string;
  pieces: AsyncIterable<Buffer>;
}

/** The command that installs the agent (macOS 10.13.6+). */
export interface InstallAgentCommand {
  RequestType: 'InstallEnterpriseApplication';
  ManifestURL: string;
}

export const DEFAULT_MAX_DOWNLOAD_BYTES = 2 * 1024 ** 3;
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 10 * 60_000;
const MAX_URL_LENGTH = 2048;
const MAX_FILE_NAME = 255;

function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(0, MAX_FILE_NAME) || 'agent.pkg';
}

function fileNameOf(url: URL): string {
  const last = url.pathname.split('/').pop() ?? '';
  try {
    return cleanFileName(decodeURIComponent(last));
  } catch {
    return cleanFileName(last);
  }
}

/**
 * The management agent package the server installs after enrollment with
 * InstallEnterpriseApplication, as Jamf installs its binary. Admins upload
 * it (this backend serves it) or give an https URL (downloaded once to be
 * read and hashed; Macs download it from there). Either way the backend
 * computes the manifest itself.
 */
export class AgentPackageService {
  private readonly store: AgentPackageStore;
  private readonly fetch: AgentPackageFetch;
  private readonly maxDownloadBytes: number;
  private readonly downloadTimeoutMs: number;

  constructor(options: {
    store: AgentPackageStore;
    /** How package URLs are fetched; the global fetch by default. */
    fetch?: AgentPackageFetch;
    maxDownloadBytes?: number;
    downloadTimeoutMs?: number;
  }) {
    this.store = options.store;
    this.fetch = options.fetch ?? ((url, init) => fetch(url, init));
    this.maxDownloadBytes =
      options.maxDownloadBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES;
    this.downloadTimeoutMs =
      options.downloadTimeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS;
  }

  /** Takes an uploaded package, which this backend then serves. */
  async setUpload(
    bytes: Buffer,
    fileName?: string,
  ): Promise<AgentPackageReport> {
    if (!bytes.length) {
      throw new InputError(
        'The upload is empty: send the .pkg file as the request body (application/octet-stream)',
      );
    }
    const name = cleanFileName(fileName);
    const info = await readPackage(bufferSource(bytes));
    const digests = await hashPackageBytes(bytes);
    const record = await this.store.replace(
      recordOf('upload', info, digests, name),
      bytes,
    );
    return report(record);
  }

  /** Takes a package URL: downloads it once to read and hash it. */
  async setUrl(url: string): Promise<AgentPackageReport> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new InputError(`The agent package URL "${url}" is not a URL`);
    }
    if (parsed.protocol !== 'https:') {
      throw new InputError(
        'The agent package URL must be https: macOS downloads InstallEnterpriseApplication packages over https only',
      );
    }
    if (parsed.username || parsed.password) {
      throw new InputError(
        'The agent package URL must not hold a user name or password: Macs download it without credentials',
      );
    }
    if (url.length > MAX_URL_LENGTH) {
      throw new InputError(
        `The agent package URL is longer than ${MAX_URL_LENGTH} characters`,
      );
    }
    const download = await downloadPackage(parsed.href, this.fetch, {
      maxBytes: this.maxDownloadBytes,
      timeoutMs: this.downloadTimeoutMs,
    });
    try {
      const source = await fileSource(download.path);
      let info: AgentPackageInfo;
      try {
        info = await readPackage(source);
      } finally {
        await source.close();
      }
      const record = await this.store.replace({
        ...recordOf('url', info, download.digests, fileNameOf(parsed)),
        url: parsed.href,
      });
      return report(record);
    } finally {
      await download.discard();
    }
  }

  async summary(): Promise<AgentPackageReport> {
    const record = await this.store.get();
    return record ? report(record) : { configured: false, warnings: [] };
  }

  /** False when there was none. */
  async remove(): Promise<boolean> {
    return this.store.remove();
  }

  /**
   * The manifest plist; its package URL is the admin's URL, or for an
   * upload `servedPackageUrl` (where this backend serves it).
   */
  async manifestXml(servedPackageUrl: string): Promise<string | undefined> {
    const record = await this.store.get();
    if (!record) return undefined;
    const manifest = plist.parse(record.manifest) as unknown as AgentManifest;
    return agentManifestPlist(
      withPackageUrl(manifest, record.url ?? servedPackageUrl),
    );
  }

  /** An uploaded package's bytes; undefined without one (or for a URL package). */
  async packageBytes(): Promise<AgentPackageContent | undefined> {
    const record = await this.store.get();
    if (!record || record.source !== 'upload' || !record.contentId) {
      return undefined;
    }
    return {
      fileName: record.fileName ?? 'agent.pkg',
      sizeInBytes: record.sizeInBytes,
      sha256: record.sha256,
      pieces: this.store.readContent(record.contentId, record.sizeInBytes),
    };
  }

  /**
   * InstallEnterpriseApplication with the manifest URL, or undefined when no
   * package is set. Not InstallAsManaged: that is for a package holding one
   * app (application.install.enterprise.yaml), and an agent is more.
   */
  async installCommand(
    manifestUrl: string,
  ): Promise<InstallAgentCommand | undefined> {
    if (!(await this.store.get())) return undefined;
    return {
      RequestType: 'InstallEnterpriseApplication',
      ManifestURL: manifestUrl,
    };
  }
}

/** Opens, reads and checks a package, turning its faults into InputErrors. */
async function readPackage(source: ByteSource): Promise<AgentPackageInfo> {
  try {
    const pkg = await FlatPackage.open(source);
    const info = await readAgentPackageInfo(pkg);
    await pkg.verifyArchivedChecksums();
    return info;
  } catch (error) {
    if (error instanceof FlatPackageError) {
      throw new InputError(
        `The file is not a flat package (.pkg) macOS can install: ${error.message}`,
      );
    }
    if (error instanceof PackageInfoError) throw new InputError(error.message);
    throw error;
  }
}

function recordOf(
  source: 'upload' | 'url',
  info: AgentPackageInfo,
  digests: PackageDigests,
  fileName: string,
) {
  const manifest = buildAgentManifest({
    digests,
    // Set when the manifest is served: see manifestXml.
    url: '',
    info,
    fallbackTitle: fileName.replace(/\.pkg$/i, ''),
  });
  return {
    source,
    fileName,
    bundleId: info.bundleId,
    bundleVersion: info.bundleVersion,
    title: info.title,
    sizeInBytes: digests.sizeInBytes,
    sha256: digests.sha256,
    signed: info.signed,
    distribution: info.distribution,
    manifest: agentManifestPlist(manifest),
  };
}

function report(record: AgentPackageRecord): AgentPackageReport {
  return {
    configured: true,
    source: record.source,
    url: record.url,
    fileName: record.fileName,
    bundleId: record.bundleId,
    bundleVersion: record.bundleVersion,
    title: record.title,
    sizeInBytes: record.sizeInBytes,
    sha256: record.sha256,
    signed: record.signed,
    updatedAt: record.updatedAt.toISOString(),
    warnings: agentPackageWarnings(record),
  };
}
