import { child, childrenNamed, XmlElement } from './xml';

// The fields of a xar table of contents (mackyle/xar xarformat.wiki), read
// strictly: every number, checksum and name is checked before use.

/** Thrown for bytes that are not a readable, intact flat package. */
export class FlatPackageError extends Error {
  name = 'FlatPackageError';
}

export type DigestName = 'sha1' | 'md5' | 'sha256' | 'sha512';
export const DIGEST_SIZES: Record<DigestName, number> = {
  sha1: 20,
  md5: 16,
  sha256: 32,
  sha512: 64,
};

export interface Checksum {
  style: DigestName;
  hex: string;
}

/** A file's stored bytes: where they lie in the heap and how they are encoded. */
export interface FlatPackageData {
  heapOffset: number;
  /** Archived (stored) length. */
  length: number;
  /** Extracted size. */
  size: number;
  encoding: 'application/octet-stream' | 'application/x-gzip';
  archivedChecksum?: Checksum;
  extractedChecksum?: Checksum;
}

/** A file or directory listed in the table of contents. */
export interface FlatPackageEntry {
  /** Slash-separated path from the archive root, e.g. `base.pkg/PackageInfo`. */
  path: string;
  type: string;
  data?: FlatPackageData;
}

export function fail(reason: string): never {
  throw new FlatPackageError(reason);
}

export function digestName(
  style: string | undefined,
  what: string,
): DigestName {
  const name = (style ?? '').toLowerCase().replace('-', '');
  // Own keys only: "constructor" is no digest.
  if (Object.prototype.hasOwnProperty.call(DIGEST_SIZES, name)) {
    return name as DigestName;
  }
  return fail(`${what} uses the checksum "${style}", which is not supported`);
}

export function number(element: XmlElement | undefined, what: string): number {
  const text = element?.text.trim() ?? '';
  if (!/^\d{1,15}$/.test(text)) {
    fail(`${what} is not a number: "${text.slice(0, 20)}"`);
  }
  return Number(text);
}

function checksum(
  element: XmlElement | undefined,
  what: string,
): Checksum | undefined {
  if (!element || element.attributes.style?.toLowerCase() === 'none') {
    return undefined;
  }
  const style = digestName(element.attributes.style, what);
  const hex = element.text.trim().toLowerCase();
  if (!new RegExp(`^[0-9a-f]{${DIGEST_SIZES[style] * 2}}$`).test(hex)) {
    fail(`${what} is not a ${style} checksum`);
  }
  return { style, hex };
}

/** The TOC checksum algorithm of the header (Apple's xar numbers; 3 is mackyle's named "other" when the header carries a name). */
export function headerDigest(header: Buffer): DigestName | 'none' {
  const alg = header.readUInt32BE(24);
  if (alg === 0) return 'none';
  if (alg === 1) return 'sha1';
  if (alg === 2) return 'md5';
  if (alg === 3 && header.length >= 32) {
    const name = header.subarray(28).toString('latin1').split('\0')[0];
    return digestName(name, 'the table of contents');
  }
  if (alg === 3) return 'sha256';
  if (alg === 4) return 'sha512';
  return fail(`the header names the unknown checksum algorithm ${alg}`);
}

/** Checks that `length` bytes at heap `offset` lie inside the archive. */
export type HeapCheck = (offset: number, length: number, what: string) => void;

/** The styles of the TOC's `<signature>` and `<x-signature>` elements, their bytes checked to be in the heap. */
export function listSignatures(toc: XmlElement, inHeap: HeapCheck): string[] {
  const signatureStyles: string[] = [];
  for (const name of ['signature', 'x-signature']) {
    for (const element of childrenNamed(toc, name)) {
      const offset = number(child(element, 'offset'), `the ${name} offset`);
      const size = number(child(element, 'size'), `the ${name} size`);
      inHeap(offset, size, `the ${name}`);
      signatureStyles.push(element.attributes.style ?? name);
    }
  }
  return signatureStyles;
}

/** The TOC's files and directories with their full paths, in TOC order. */
export function listEntries(
  toc: XmlElement,
  inHeap: HeapCheck,
  maxEntries: number,
): FlatPackageEntry[] {
  const entries: FlatPackageEntry[] = [];
  const seen = new Set<string>();
  const walk = (parent: XmlElement, prefix: string) => {
    for (const file of childrenNamed(parent, 'file')) {
      const name = child(file, 'name')?.text ?? '';
      if (!name || name === '.' || name === '..' || /[/\0]/.test(name)) {
        fail(`it lists a file named ${JSON.stringify(name.slice(0, 80))}`);
      }
      const path = prefix + name;
      if (seen.has(path)) fail(`it lists "${path}" twice`);
      seen.add(path);
      if (entries.length >= maxEntries) {
        fail(`it lists more than ${maxEntries} files`);
      }
      const entry: FlatPackageEntry = {
        path,
        type: child(file, 'type')?.text.trim() || 'file',
      };
      const data = child(file, 'data');
      if (data) {
        const encoding =
          child(data, 'encoding')?.attributes.style ??
          'application/octet-stream';
        if (
          encoding !== 'application/octet-stream' &&
          encoding !== 'application/x-gzip'
        ) {
          fail(
            `"${path}" uses the encoding ${encoding}, which is not supported`,
          );
        }
        entry.data = {
          heapOffset: number(child(data, 'offset'), `the offset of "${path}"`),
          length: number(child(data, 'length'), `the length of "${path}"`),
          size: number(child(data, 'size'), `the size of "${path}"`),
          encoding: encoding as FlatPackageData['encoding'],
          archivedChecksum: checksum(
            child(data, 'archived-checksum'),
            `the archived checksum of "${path}"`,
          ),
          extractedChecksum: checksum(
            child(data, 'extracted-checksum'),
            `the extracted checksum of "${path}"`,
          ),
        };
        inHeap(entry.data.heapOffset, entry.data.length, `"${path}"`);
      }
      entries.push(entry);
      walk(file, `${path}/`);
    }
  };
  walk(toc, '');
  return entries;
}
