import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gunzip, inflate } from 'node:zlib';
import { ByteSource } from './byteSource';
import { readXarHeader, XarHeader } from './xarHeader';
import { child, parseXml, XmlElement, XmlError } from './xml';
import {
  Checksum,
  DIGEST_SIZES,
  DigestName,
  digestName,
  fail,
  FlatPackageEntry,
  HeapCheck,
  listEntries,
  listSignatures,
  number,
} from './xarToc';

export { FlatPackageError } from './xarToc';
export type { FlatPackageData, FlatPackageEntry } from './xarToc';

const inflateAsync = promisify(inflate);
const gunzipAsync = promisify(gunzip);

/** What the reader accepts; the defaults suit an installer package. */
export interface FlatPackageLimits {
  /** The table of contents, compressed or not. */
  maxTocBytes: number;
  /** A file read with readFile (Distribution, PackageInfo). */
  maxFileReadBytes: number;
  maxEntries: number;
}

export const DEFAULT_FLAT_PACKAGE_LIMITS: FlatPackageLimits = {
  maxTocBytes: 4 * 1024 * 1024,
  maxFileReadBytes: 1024 * 1024,
  maxEntries: 100_000,
};

const READ_PIECE = 1024 * 1024;
/**
 * A xar archive, the container of macOS flat packages, read from a byte
 * source: the 28-byte big-endian header, the zlib-compressed XML table of
 * contents and the heap, which starts with the TOC's checksum (mackyle/xar
 * xarformat.wiki; Apple's xar.h for the checksum numbers). Opening checks
 * the TOC checksum and that every file lies inside the archive; readFile
 * checks a file's checksums. Everything is bounded by the limits.
 */
export class FlatPackage {
  private readonly byPath = new Map<string, FlatPackageEntry>();

  private constructor(
    private readonly source: ByteSource,
    private readonly heapStart: number,
    private readonly limits: FlatPackageLimits,
    /** The files and directories, in TOC order. */
    readonly entries: FlatPackageEntry[],
    /** The styles of the TOC's `<signature>`/`<x-signature>` elements (RSA, CMS). */
    readonly signatureStyles: string[],
    readonly tocChecksum: DigestName | 'none',
  ) {
    for (const entry of entries) this.byPath.set(entry.path, entry);
  }

  /** Whether the TOC carries a xar signature (a signed package; macOS verifies it, not this reader). */
  get signed(): boolean {
    return this.signatureStyles.length > 0;
  }

  static async open(
    source: ByteSource,
    limits: FlatPackageLimits = DEFAULT_FLAT_PACKAGE_LIMITS,
  ): Promise<FlatPackage> {
    const header = await readXarHeader(source, limits.maxTocBytes);
    const { tocBytes, toc } = await readToc(source, header, limits.maxTocBytes);
    const inHeap: HeapCheck = (offset, length, what) => {
      if (header.heapStart + offset + length > source.size) {
        fail(`${what} lies past the end of the file (truncated?)`);
      }
    };
    await checkTocChecksum(source, header, { tocBytes, toc }, inHeap);

    const signatureStyles = listSignatures(toc, inHeap);
    const entries = listEntries(toc, inHeap, limits.maxEntries);

    return new FlatPackage(
      source,
      header.heapStart,
      limits,
      entries,
      signatureStyles,
      header.digest,
    );
  }

  /** The entry at this path, if the archive lists it. */
  entry(path: string): FlatPackageEntry | undefined {
    return this.byPath.get(path);
  }

  /** A small file's extracted bytes, its checksums verified. */
  async readFile(path: string): Promise<Buffer> {
    const entry = this.byPath.get(path);
    if (!entry || entry.type !== 'file') fail(`it has no file "${path}"`);
    const data = entry.data;
    if (!data) return Buffer.alloc(0);
    const max = this.limits.maxFileReadBytes;
    if (data.size > max || data.length > max) {
      fail(`"${path}" is larger than the ${max}-byte limit for it`);
    }
    const raw = await this.source.read(
      this.heapStart + data.heapOffset,
      data.length,
    );
    verify(raw, data.archivedChecksum, `"${path}" (archived)`);
    let extracted = raw;
    if (data.encoding === 'application/x-gzip') {
      // xar's "x-gzip" is zlib; accept real gzip too.
      const decode =
        raw[0] === 0x1f && raw[1] === 0x8b ? gunzipAsync : inflateAsync;
      try {
        extracted = await decode(raw, { maxOutputLength: max });
      } catch {
        fail(`"${path}" does not inflate to at most ${max} bytes`);
      }
    }
    if (extracted.length !== data.size) {
      fail(
        `"${path}" has ${extracted.length} bytes, not the ${data.size} its TOC says`,
      );
    }
    verify(extracted, data.extractedChecksum, `"${path}"`);
    return extracted;
  }

  /**
   * Checks every file's archived checksum (its bytes as stored), reading
   * in pieces and yielding to the event loop between them.
   */
  async verifyArchivedChecksums(): Promise<void> {
    for (const { path, data } of this.entries) {
      const expected = data?.archivedChecksum;
      if (!data || !expected) continue;
      const hash = createHash(expected.style);
      for (let done = 0; done < data.length; done += READ_PIECE) {
        const length = Math.min(READ_PIECE, data.length - done);
        hash.update(
          await this.source.read(
            this.heapStart + data.heapOffset + done,
            length,
          ),
        );
        await yieldToEventLoop();
      }
      if (hash.digest('hex') !== expected.hex) {
        fail(`it is damaged: "${path}" does not match its checksum`);
      }
    }
  }
}

function verify(bytes: Buffer, expected: Checksum | undefined, what: string) {
  if (!expected) return;
  if (createHash(expected.style).update(bytes).digest('hex') !== expected.hex) {
    fail(`it is damaged: ${what} does not match its checksum`);
  }
}

/** The table of contents, inflated (within the limit) and read as XML. */
async function readToc(
  source: ByteSource,
  header: XarHeader,
  maxTocBytes: number,
): Promise<{ tocBytes: Buffer; toc: XmlElement }> {
  const tocBytes = await source.read(header.size, header.tocLength);
  let tocText: string;
  try {
    const inflated = await inflateAsync(tocBytes, {
      maxOutputLength: maxTocBytes,
    });
    tocText = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return fail(
      `its table of contents does not inflate to UTF-8 XML of at most ${maxTocBytes} bytes`,
    );
  }
  let root: XmlElement;
  try {
    root = parseXml(tocText);
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    return fail(`its table of contents is not XML: ${error.message}`);
  }
  const toc = root.name === 'xar' ? child(root, 'toc') : undefined;
  if (!toc) fail('its table of contents has no <xar><toc>');
  return { tocBytes, toc };
}

/**
 * Compares the compressed TOC with the checksum at the heap's start, whose
 * style the header and the TOC must both name.
 */
async function checkTocChecksum(
  source: ByteSource,
  { digest, heapStart }: XarHeader,
  { tocBytes, toc }: { tocBytes: Buffer; toc: XmlElement },
  inHeap: HeapCheck,
) {
  if (digest === 'none') return;
  const element = child(toc, 'checksum');
  if (!element) fail('its table of contents lists no <checksum>');
  const style = digestName(element.attributes.style, 'the TOC checksum');
  if (style !== digest) {
    fail(`its header says ${digest} but its TOC checksum says ${style}`);
  }
  const offset = number(child(element, 'offset'), 'the checksum offset');
  const size = number(child(element, 'size'), 'the checksum size');
  if (size !== DIGEST_SIZES[digest]) {
    fail(`its ${digest} TOC checksum is ${size} bytes long`);
  }
  inHeap(offset, size, 'the TOC checksum');
  const stored = await source.read(heapStart + offset, size);
  const actual = createHash(digest).update(tocBytes).digest();
  if (!actual.equals(stored)) {
    fail('it is damaged: its table of contents does not match its checksum');
  }
}
