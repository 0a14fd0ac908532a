/** The current management agent package, as stored. */
export interface AgentPackageRecord {
  source: 'upload' | 'url';
  /** Where Macs download it, for source `url`. */
  url?: string;
  fileName?: string;
  bundleId: string;
  bundleVersion: string;
  title?: string;
  sizeInBytes: number;
  sha256: string;
  signed: boolean;
  distribution: boolean;
  /** The manifest plist XML; its package URL is set when served. */
  manifest: string;
  /** Names the stored bytes of an upload. */
  contentId?: string;
  updatedAt: Date;
}

export type NewAgentPackage = Omit<
  AgentPackageRecord,
  'contentId' | 'updatedAt'
>;

/** Where the one agent package is kept, with an upload's bytes. */
export interface AgentPackageStore {
  /** The current package, if one is set. */
  get(): Promise<AgentPackageRecord | undefined>;
  /** Replaces the package; `content` is an upload's bytes, none for a URL. */
  replace(pkg: NewAgentPackage, content?: Buffer): Promise<AgentPackageRecord>;
  /** False when there was none. */
  remove(): Promise<boolean>;
  /**
   * The bytes of an upload, piece by piece; throws when they are gone (the
   * package was replaced meanwhile) or do not add up to `sizeInBytes`.
   */
  readContent(contentId: string, sizeInBytes: number): AsyncIterable<Buffer>;
}
