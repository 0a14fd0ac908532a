import { gzipSync } from 'node:zlib';

/** A file or folder of a cpio archive, by its path inside it ("./postinstall"). */
export interface CpioEntry {
  path: string;
  type: 'file' | 'directory';
  mode: number;
  data?: Buffer;
}

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
// macOS installer archives are owned by root:admin (0:80), as
// `cpio -o --format odc --owner 0:80` writes them.
const UID = 0;
const GID = 80;

const octal = (value: number, width: number) => {
  const text = value.toString(8);
  if (text.length > width) {
    throw new Error(`cpio field too large: ${value}`);
  }
  return text.padStart(width, '0');
};

function header(
  entry: { path: string; mode: number; size: number; nlink: number },
  ino: number,
  mtime: number,
): Buffer {
  const name = Buffer.from(`${entry.path}\0`, 'utf8');
  const fields = [
    '070707',
    octal(0, 6), // dev
    octal(ino, 6),
    octal(entry.mode, 6),
    octal(UID, 6),
    octal(GID, 6),
    octal(entry.nlink, 6),
    octal(0, 6), // rdev
    octal(mtime, 11),
    octal(name.length, 6),
    octal(entry.size, 11),
  ].join('');
  return Buffer.concat([Buffer.from(fields, 'ascii'), name]);
}

/**
 * A gzip'd cpio archive in the portable "odc" format, the form of a flat
 * package's Payload and Scripts (hogliux/bomutils tutorial).
 */
export function writeGzippedCpio(
  entries: CpioEntry[],
  options: { mtime?: Date } = {},
): Buffer {
  const mtime = Math.floor((options.mtime ?? new Date()).getTime() / 1000);
  const parts: Buffer[] = [];
  entries.forEach((entry, index) => {
    if (entry.path.includes('\0') || entry.path.split('/').includes('..')) {
      throw new Error(`Invalid cpio path: ${JSON.stringify(entry.path)}`);
    }
    const data = entry.type === 'file' ? entry.data ?? Buffer.alloc(0) : null;
    parts.push(
      header(
        {
          path: entry.path,
          mode: (entry.type === 'directory' ? S_IFDIR : S_IFREG) | entry.mode,
          size: data?.length ?? 0,
          nlink: entry.type === 'directory' ? 2 : 1,
        },
        index + 1,
        mtime,
      ),
    );
    if (data) parts.push(data);
  });
  parts.push(header({ path: 'TRAILER!!!', mode: 0, size: 0, nlink: 1 }, 0, 0));
  return gzipSync(Buffer.concat(parts));
}
