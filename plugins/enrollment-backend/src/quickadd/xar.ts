import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
// &#39; for an apostrophe is as valid in XML as in HTML.
import { escapeHtml as escapeXml } from '../lib/markup';

/** A file or folder of a xar archive. */
export type XarEntry =
  | { type: 'file'; name: string; data: Buffer; mode?: number }
  | { type: 'directory'; name: string; entries: XarEntry[]; mode?: number };

const HEADER_SIZE = 28;
const XAR_VERSION = 1;
const CHECKSUM_SHA1 = 1;
const SHA1_SIZE = 20;

const sha1 = (data: Buffer) => createHash('sha1').update(data).digest();

function checkName(name: string) {
  // A name is one path component; anything else could escape the folder
  // an extractor writes to.
  if (!name || name === '.' || name === '..' || /[/\0]/.test(name)) {
    throw new Error(`Invalid xar entry name: ${JSON.stringify(name)}`);
  }
}

/**
 * Writes a xar archive (the container of macOS flat packages): a 28-byte
 * header, the zlib-compressed XML table of contents, then the heap, which
 * starts with the SHA-1 of the compressed TOC and holds each file stored
 * as is ("application/octet-stream"), each with SHA-1 checksums.
 * Format: mackyle/xar xarformat.wiki; bsdtar reads it and checks the sums.
 */
export function writeXar(
  entries: XarEntry[],
  options: { mtime?: Date } = {},
): Buffer {
  const time = (options.mtime ?? new Date())
    .toISOString()
    .replace(/\.\d+Z$/, 'Z');
  const heap: Buffer[] = [];
  let heapOffset = SHA1_SIZE;
  let nextId = 1;

  const fileXml = (entry: XarEntry, indent: string): string => {
    checkName(entry.name);
    const id = nextId++;
    const mode = (
      entry.mode ?? (entry.type === 'directory' ? 0o755 : 0o644)
    ).toString(8);
    const common =
      `${indent}  <ctime>${time}</ctime>\n` +
      `${indent}  <mtime>${time}</mtime>\n` +
      `${indent}  <atime>${time}</atime>\n` +
      `${indent}  <group>wheel</group>\n${indent}  <gid>0</gid>\n` +
      `${indent}  <user>root</user>\n${indent}  <uid>0</uid>\n` +
      `${indent}  <mode>0${mode}</mode>\n` +
      `${indent}  <type>${entry.type}</type>\n` +
      `${indent}  <name>${escapeXml(entry.name)}</name>\n`;
    if (entry.type === 'directory') {
      const children = entry.entries
        .map(child => fileXml(child, `${indent}  `))
        .join('');
      return `${indent}<file id="${id}">\n${common}${children}${indent}</file>\n`;
    }
    const sum = sha1(entry.data).toString('hex');
    const data =
      `${indent}  <data>\n` +
      `${indent}    <length>${entry.data.length}</length>\n` +
      `${indent}    <offset>${heapOffset}</offset>\n` +
      `${indent}    <size>${entry.data.length}</size>\n` +
      `${indent}    <encoding style="application/octet-stream"/>\n` +
      `${indent}    <extracted-checksum style="sha1">${sum}</extracted-checksum>\n` +
      `${indent}    <archived-checksum style="sha1">${sum}</archived-checksum>\n` +
      `${indent}  </data>\n`;
    heap.push(entry.data);
    heapOffset += entry.data.length;
    return `${indent}<file id="${id}">\n${data}${common}${indent}</file>\n`;
  };

  const files = entries.map(e => fileXml(e, '  ')).join('');
  const toc = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?>\n<xar>\n <toc>\n' +
      '  <checksum style="sha1">\n' +
      `   <offset>0</offset>\n   <size>${SHA1_SIZE}</size>\n` +
      '  </checksum>\n' +
      `  <creation-time>${time}</creation-time>\n` +
      `${files.replace(/^/gm, ' ').replace(/ $/, '')}` +
      ' </toc>\n</xar>\n',
    'utf8',
  );
  const compressedToc = deflateSync(toc);

  const header = Buffer.alloc(HEADER_SIZE);
  header.write('xar!', 0, 'ascii');
  header.writeUInt16BE(HEADER_SIZE, 4);
  header.writeUInt16BE(XAR_VERSION, 6);
  header.writeBigUInt64BE(BigInt(compressedToc.length), 8);
  header.writeBigUInt64BE(BigInt(toc.length), 16);
  header.writeUInt32BE(CHECKSUM_SHA1, 24);

  return Buffer.concat([header, compressedToc, sha1(compressedToc), ...heap]);
}
