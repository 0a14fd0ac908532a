/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectRefusal"] }] */
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { bufferSource } from './byteSource';
import { FlatPackage, FlatPackageError } from './flatPackage';
import {
  componentPackage,
  DISTRIBUTION,
  joinXar,
  PACKAGE_INFO,
  productArchive,
  splitXar,
  withSignatureElement,
} from './__testUtils__/packages';

const open = (bytes: Buffer) => FlatPackage.open(bufferSource(bytes));

/** Opens, reads the package's description and checks every checksum, as the service does. */
async function readAll(bytes: Buffer) {
  const pkg = await open(bytes);
  for (const entry of pkg.entries) {
    if (/(^|\/)(Distribution|PackageInfo)$/.test(entry.path)) {
      await pkg.readFile(entry.path);
    }
  }
  await pkg.verifyArchivedChecksums();
  return pkg;
}

function header(fields: {
  size?: number;
  version?: number;
  compressed: number;
  uncompressed: number;
  alg?: number;
}): Buffer {
  const h = Buffer.alloc(28);
  h.write('xar!', 0, 'latin1');
  h.writeUInt16BE(fields.size ?? 28, 4);
  h.writeUInt16BE(fields.version ?? 1, 6);
  h.writeBigUInt64BE(BigInt(fields.compressed), 8);
  h.writeBigUInt64BE(BigInt(fields.uncompressed), 16);
  h.writeUInt32BE(fields.alg ?? 1, 24);
  return h;
}

describe('FlatPackage', () => {
  const payload = randomBytes(200_000);

  it.each(['none', 'gzip'] as const)(
    'reads a bsdtar product archive (%s): files, contents, checksums',
    async compression => {
      const bytes = productArchive(compression, payload);
      const pkg = await open(bytes);
      const encoding =
        compression === 'none'
          ? 'application/octet-stream'
          : 'application/x-gzip';
      expect(pkg.entries.map(e => [e.path, e.type, e.data?.encoding])).toEqual([
        ['Distribution', 'file', encoding],
        ['base.pkg', 'directory', undefined],
        ['base.pkg/PackageInfo', 'file', encoding],
        ['base.pkg/Payload', 'file', encoding],
      ]);
      expect(pkg.tocChecksum).toBe('sha1');
      expect(pkg.entry('base.pkg/Payload')?.data).toMatchObject({
        size: payload.length,
        archivedChecksum: { style: 'sha1' },
        extractedChecksum: { style: 'sha1' },
      });
      expect((await pkg.readFile('Distribution')).toString()).toBe(
        DISTRIBUTION,
      );
      expect((await pkg.readFile('base.pkg/PackageInfo')).toString()).toBe(
        PACKAGE_INFO,
      );
      await expect(pkg.verifyArchivedChecksums()).resolves.toBeUndefined();
      expect(pkg.signed).toBe(false);
      expect(pkg.signatureStyles).toEqual([]);
    },
  );

  it('reports a signature element of the TOC as signed', async () => {
    const pkg = await readAll(withSignatureElement(componentPackage('none')));
    expect(pkg.signed).toBe(true);
    expect(pkg.signatureStyles).toEqual(['RSA']);
  });

  it('reads a file with no <data> as empty and expectRefusal a directory or a missing file', async () => {
    const parts = splitXar(componentPackage('none'));
    const toc = parts.toc.replace(
      '</toc>',
      '<file id="99"><name>empty</name><type>file</type></file></toc>',
    );
    const pkg = await open(joinXar({ ...parts, toc }));
    expect((await pkg.readFile('empty')).length).toBe(0);
    await expect(pkg.readFile('nothing')).rejects.toThrow(
      'it has no file "nothing"',
    );
  });

  describe('expectRefusal hostile or damaged input with a clear FlatPackageError', () => {
    const good = productArchive('gzip', payload);
    const expectRefusal = async (bytes: Buffer, reason: string | RegExp) => {
      const attempt = readAll(bytes);
      await expect(attempt).rejects.toThrow(FlatPackageError);
      await expect(attempt).rejects.toThrow(reason);
    };

    it('bad magic, short or truncated files', async () => {
      const zip = Buffer.concat([Buffer.from('PK\x03\x04'), good.subarray(4)]);
      await expectRefusal(
        zip,
        'it does not start with the xar signature "xar!"',
      );
      await expectRefusal(Buffer.alloc(0), 'too short to be a xar archive');
      await expectRefusal(good.subarray(0, 27), 'too short');
      await expectRefusal(
        good.subarray(0, 100),
        /table of contents runs past the end/,
      );
      // Cut inside the heap: the checksum or a file lies beyond the end.
      const heapAt = 28 + Number(good.readBigUInt64BE(8));
      await expectRefusal(
        good.subarray(0, heapAt + 10),
        /lies past the end of the file/,
      );
      await expectRefusal(
        good.subarray(0, good.length - 100),
        /"base.pkg\/Payload" lies past the end/,
      );
    });

    it('header fields out of range', async () => {
      const patched = (at: number, write: (b: Buffer) => void) => {
        const b = Buffer.from(good);
        write(b.subarray(at));
        return b;
      };
      await expectRefusal(
        patched(4, b => b.writeUInt16BE(12)),
        'header size 12 is not valid',
      );
      await expectRefusal(
        patched(6, b => b.writeUInt16BE(2)),
        'xar version 2',
      );
      await expectRefusal(
        patched(8, b => b.writeBigUInt64BE(BigInt(good.length))),
        /runs past the end of the file/,
      );
      await expectRefusal(
        patched(8, b => b.writeBigUInt64BE(2n ** 63n)),
        /larger than the 4194304-byte limit/,
      );
      await expectRefusal(
        patched(16, b => b.writeBigUInt64BE(5n * 1024n * 1024n)),
        /larger than the 4194304-byte limit/,
      );
      await expectRefusal(
        patched(24, b => b.writeUInt32BE(9)),
        'unknown checksum algorithm 9',
      );
      await expectRefusal(
        patched(24, b => b.writeUInt32BE(2)),
        'its header says md5 but its TOC checksum says sha1',
      );
    });

    it('a checksum mismatch: a flipped byte in the TOC, a small file or the payload', async () => {
      const tocByte = Buffer.from(good);
      tocByte[40] ^= 0x01;
      await expectRefusal(
        tocByte,
        /table of contents (does not match its checksum|does not inflate)/,
      );

      const none = productArchive('none', payload);
      const distributionAt = none.indexOf('<installer-gui-script');
      const flipped = Buffer.from(none);
      flipped[distributionAt + 1] ^= 0x20;
      await expectRefusal(
        flipped,
        'it is damaged: "Distribution" (archived) does not match its checksum',
      );

      const inPayload = Buffer.from(good);
      inPayload[good.length - 1000] ^= 0xff;
      await expectRefusal(
        inPayload,
        'it is damaged: "base.pkg/Payload" does not match its checksum',
      );

      const storedSum = Buffer.from(good);
      storedSum[28 + Number(good.readBigUInt64BE(8))] ^= 0xff;
      await expectRefusal(
        storedSum,
        'its table of contents does not match its checksum',
      );
    });

    it('a zip bomb TOC, which inflates past the limit whatever the header says', async () => {
      const bomb = deflateSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
      expect(bomb.length).toBeLessThan(100_000);
      const bytes = Buffer.concat([
        header({ compressed: bomb.length, uncompressed: 1000, alg: 0 }),
        bomb,
      ]);
      await expectRefusal(
        bytes,
        'does not inflate to UTF-8 XML of at most 4194304 bytes',
      );
    });

    it('a TOC that is not the XML of a xar', async () => {
      const withToc = (toc: string, alg = 0) => {
        const compressed = deflateSync(Buffer.from(toc));
        return Buffer.concat([
          header({
            compressed: compressed.length,
            uncompressed: toc.length,
            alg,
          }),
          compressed,
        ]);
      };
      await expectRefusal(withToc('<xar><toc'), /not XML: a tag is not closed/);
      await expectRefusal(
        withToc('<a><b></a>'),
        'not XML: </a> does not close <b>',
      );
      await expectRefusal(withToc('<html/>'), 'has no <xar><toc>');
      await expectRefusal(
        withToc('<!DOCTYPE x [<!ENTITY a "aaaa">]><xar><toc/></xar>'),
        'DOCTYPE with an internal subset',
      );
      await expectRefusal(
        withToc(`${'<a>'.repeat(100)}${'</a>'.repeat(100)}`),
        'nested deeper than 64',
      );
      await expectRefusal(
        withToc('<xar><toc/></xar>', 1),
        'lists no <checksum>',
      );
      const file = (data: string, name = 'f') =>
        withToc(
          `<xar><toc><file id="1"><name>${name}</name><data>${data}</data></file></toc></xar>`,
        );
      await expectRefusal(
        file('<offset>-1</offset>'),
        'the offset of "f" is not a number: "-1"',
      );
      await expectRefusal(
        file('<offset>0</offset><length>99999999999999999999</length>'),
        'the length of "f" is not a number',
      );
      await expectRefusal(
        file(
          '<offset>0</offset><length>1</length><size>1</size><encoding style="application/x-bzip2"/>',
        ),
        'uses the encoding application/x-bzip2, which is not supported',
      );
      await expectRefusal(
        file(
          '<offset>0</offset><length>1</length><size>1</size><archived-checksum style="crc32">0</archived-checksum>',
        ),
        'uses the checksum "crc32"',
      );
      await expectRefusal(
        file(
          '<offset>0</offset><length>1</length><size>1</size><archived-checksum style="constructor">0</archived-checksum>',
        ),
        'uses the checksum "constructor"',
      );
      await expectRefusal(
        file(
          '<offset>0</offset><length>1</length><size>1</size><archived-checksum style="sha1">zz</archived-checksum>',
        ),
        'is not a sha1 checksum',
      );
      await expectRefusal(
        file('<offset>0</offset><length>4096</length><size>4096</size>'),
        '"f" lies past the end of the file',
      );
      await expectRefusal(file('', '../etc'), 'it lists a file named "../etc"');
      await expectRefusal(file('', 'a/b'), 'it lists a file named "a/b"');
      await expectRefusal(
        withToc(
          '<xar><toc><file><name>a</name></file><file><name>a</name></file></toc></xar>',
        ),
        'it lists "a" twice',
      );
    });

    it('a small file larger than the read limit, or not the size its TOC says', async () => {
      const withSize = (size: number) =>
        open(
          bsdtarLike(productArchive('gzip', payload), toc =>
            toc.replace(
              /(<name>Distribution<\/name>[\s\S]*?<size>)\d+/,
              `$1${size}`,
            ),
          ),
        );
      const large = await withSize(2_000_000);
      await expect(large.readFile('Distribution')).rejects.toThrow(
        '"Distribution" is larger than the 1048576-byte limit for it',
      );
      const small = await withSize(100);
      await expect(small.readFile('Distribution')).rejects.toThrow(
        `"Distribution" has ${Buffer.byteLength(
          DISTRIBUTION,
        )} bytes, not the 100 its TOC says`,
      );
    });
  });

  it('never hangs nor throws anything but FlatPackageError on mangled bytes', async () => {
    const originals = [
      productArchive('gzip', payload),
      productArchive('none', payload),
    ];
    const pick = (n: number) => Math.floor(Math.random() * n);
    let refused = 0;
    for (let i = 0; i < 600; i++) {
      const original = originals[i % 2];
      let input: Buffer;
      if (i % 3 === 0) {
        input = original.subarray(0, pick(original.length));
      } else if (i % 3 === 1) {
        // Header and TOC bytes, where the parsing is.
        input = Buffer.from(original);
        for (let n = 0; n <= i % 7; n++) input[pick(800)] = pick(256);
      } else {
        // The TOC's XML itself, its checksum made to match.
        const parts = splitXar(original);
        const toc = [...parts.toc];
        for (let n = 0; n <= i % 5; n++) {
          toc[pick(toc.length)] = '<>/="&;![]x1 '[pick(13)];
        }
        input = joinXar({ ...parts, toc: toc.join('') });
      }
      try {
        await readAll(input);
      } catch (error) {
        if (!(error instanceof FlatPackageError)) throw error;
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(200);
  });
});

/** A package whose TOC is rewritten by `edit` (heap kept, checksum recomputed). */
function bsdtarLike(xar: Buffer, edit: (toc: string) => string): Buffer {
  const parts = splitXar(xar);
  return joinXar({ ...parts, toc: edit(parts.toc) });
}
