import { ByteSource } from './byteSource';
import { DigestName, fail, headerDigest } from './xarToc';

const HEADER_SIZE = 28;
const MAX_HEADER_SIZE = 4096;

/** What a xar archive's header says about the rest of it. */
export interface XarHeader {
  /** Where the compressed table of contents starts. */
  size: number;
  /** The compressed table of contents' length. */
  tocLength: number;
  /** Where the heap starts, right after the table of contents. */
  heapStart: number;
  /** How the table of contents' checksum is made. */
  digest: DigestName | 'none';
}

/**
 * The 28-byte big-endian header, longer when it names its checksum. The
 * lengths it gives are checked against the TOC limit and the file's size
 * before anything is read or inflated with them.
 */
export async function readXarHeader(
  source: ByteSource,
  maxTocBytes: number,
): Promise<XarHeader> {
  if (source.size < HEADER_SIZE) fail('it is too short to be a xar archive');
  const start = await source.read(0, HEADER_SIZE);
  if (start.toString('latin1', 0, 4) !== 'xar!') {
    fail('it does not start with the xar signature "xar!"');
  }
  const headerSize = start.readUInt16BE(4);
  if (headerSize < HEADER_SIZE || headerSize > MAX_HEADER_SIZE) {
    fail(`its header size ${headerSize} is not valid`);
  }
  if (start.readUInt16BE(6) !== 1) {
    fail(`it is xar version ${start.readUInt16BE(6)}; only version 1 exists`);
  }
  const compressed = start.readBigUInt64BE(8);
  const uncompressed = start.readBigUInt64BE(16);
  const maxToc = BigInt(maxTocBytes);
  if (uncompressed > maxToc || compressed > maxToc) {
    fail(`its table of contents is larger than the ${maxTocBytes}-byte limit`);
  }
  const heapStart = headerSize + Number(compressed);
  if (heapStart > source.size) {
    fail('its table of contents runs past the end of the file (truncated?)');
  }
  const header =
    headerSize > HEADER_SIZE ? await source.read(0, headerSize) : start;
  return {
    size: headerSize,
    tocLength: Number(compressed),
    heapStart,
    digest: headerDigest(header),
  };
}
