import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { requireCommand } from '@internal/test-harness';
import { writeGzippedCpio } from './cpio';

const cpio = requireCommand('cpio', 'cpio');
const bsdtar = requireCommand('bsdtar', 'libarchive-tools');

describe('writeGzippedCpio', () => {
  const archive = writeGzippedCpio(
    [
      { path: '.', type: 'directory', mode: 0o755 },
      {
        path: './postinstall',
        type: 'file',
        mode: 0o755,
        data: Buffer.from('#!/bin/sh\nexit 0\n'),
      },
      {
        path: './data.bin',
        type: 'file',
        mode: 0o644,
        data: Buffer.from([0, 255, 10]),
      },
    ],
    { mtime: new Date('2026-11-30T12:00:00Z') },
  );

  it('writes odc entries owned by root:admin (0:80) with their modes', () => {
    const raw = gunzipSync(archive);
    expect(raw.subarray(0, 6).toString('ascii')).toBe('070707');
    const listing = execFileSync(cpio, ['-itv', '--numeric-uid-gid'], {
      input: raw,
    }).toString();
    expect(listing).toMatch(/^drwxr-xr-x +2 0 +80 +0 .* \.$/m);
    expect(listing).toMatch(/^-rwxr-xr-x +1 0 +80 +17 .* \.\/postinstall$/m);
    expect(listing).toMatch(/^-rw-r--r-- +1 0 +80 +3 .* \.\/data\.bin$/m);
    expect(listing).not.toContain('TRAILER');
  });

  it('keeps contents byte for byte', () => {
    expect(
      execFileSync(bsdtar, ['-xOf', '-', './data.bin'], { input: archive }),
    ).toEqual(Buffer.from([0, 255, 10]));
    expect(
      execFileSync(bsdtar, ['-xOf', '-', './postinstall'], {
        input: archive,
      }).toString(),
    ).toBe('#!/bin/sh\nexit 0\n');
  });

  it('refuses paths that climb out of the archive', () => {
    expect(() =>
      writeGzippedCpio([
        { path: './../etc/passwd', type: 'file', mode: 0o644 },
      ]),
    ).toThrow(/Invalid cpio path/);
  });
});
