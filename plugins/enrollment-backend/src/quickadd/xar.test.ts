import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { requireCommand } from '@internal/test-harness';
import { writeXar } from './xar';

const bsdtar = requireCommand('bsdtar', 'libarchive-tools');

describe('writeXar', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xar-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const save = (name: string, data: Buffer) => {
    const file = join(dir, name);
    writeFileSync(file, data);
    return file;
  };

  const archive = () =>
    writeXar(
      [
        { type: 'file', name: 'Distribution', data: Buffer.from('<x/>\n') },
        {
          type: 'directory',
          name: 'base.pkg',
          entries: [
            {
              type: 'file',
              name: 'Scripts',
              data: Buffer.from([0, 1, 2, 255]),
              mode: 0o600,
            },
            {
              type: 'directory',
              name: 'R & D <1>',
              entries: [{ type: 'file', name: 'empty', data: Buffer.alloc(0) }],
            },
          ],
        },
      ],
      { mtime: new Date('2026-11-30T12:00:00Z') },
    );

  it('writes the header, the compressed TOC and its SHA-1 at heap offset 0', () => {
    const xar = archive();
    expect(xar.subarray(0, 4).toString('ascii')).toBe('xar!');
    expect(xar.readUInt16BE(4)).toBe(28);
    expect(xar.readUInt16BE(6)).toBe(1);
    const compressed = Number(xar.readBigUInt64BE(8));
    const toc = inflateSync(xar.subarray(28, 28 + compressed));
    expect(toc.length).toBe(Number(xar.readBigUInt64BE(16)));
    expect(xar.readUInt32BE(24)).toBe(1);
    expect(xar.subarray(28 + compressed, 28 + compressed + 20)).toEqual(
      createHash('sha1')
        .update(xar.subarray(28, 28 + compressed))
        .digest(),
    );
    expect(toc.toString()).toContain('<name>R &amp; D &lt;1&gt;</name>');
  });

  it('is listed and extracted by bsdtar, with folders, modes and contents', () => {
    const file = save('ok.xar', archive());
    const listing = execFileSync(bsdtar, ['-tvf', file]).toString();
    expect(listing).toMatch(/^-rw-r--r-- .* root +wheel +5 .* Distribution$/m);
    expect(listing).toMatch(/^drwxr-xr-x .* base\.pkg$/m);
    expect(listing).toMatch(/^-rw------- .* 4 .* base\.pkg\/Scripts$/m);
    expect(listing).toMatch(/ base\.pkg\/R & D <1>\/empty$/m);
    expect(execFileSync(bsdtar, ['-xOf', file, 'base.pkg/Scripts'])).toEqual(
      Buffer.from([0, 1, 2, 255]),
    );
    expect(
      execFileSync(bsdtar, ['-xOf', file, 'Distribution']).toString(),
    ).toBe('<x/>\n');
  });

  it('carries checksums bsdtar enforces', () => {
    const xar = archive();
    const badFile = Buffer.from(xar);
    badFile[badFile.length - 1] ^= 0xff; // inside the last file's data
    const fileRun = spawnSync(bsdtar, [
      '-xOf',
      save('bad-file.xar', badFile),
      'base.pkg/Scripts',
    ]);
    expect(fileRun.status).not.toBe(0);
    expect(fileRun.stderr.toString()).toMatch(/sum|checksum/i);

    const badToc = Buffer.from(xar);
    const compressed = Number(xar.readBigUInt64BE(8));
    badToc[28 + compressed] ^= 0xff; // the stored TOC checksum
    expect(
      spawnSync(bsdtar, ['-tf', save('bad-toc.xar', badToc)]).status,
    ).not.toBe(0);
  });

  it('refuses names that are not one path component', () => {
    for (const name of ['', '.', '..', 'a/b', 'nul\0']) {
      expect(() =>
        writeXar([{ type: 'file', name, data: Buffer.alloc(1) }]),
      ).toThrow(/Invalid xar entry name/);
    }
  });
});
