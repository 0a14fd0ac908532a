import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { requireCommand } from '@internal/test-harness';

// Real packages are made by bsdtar (libarchive), a xar writer not ours.
export const bsdtar = requireCommand('bsdtar', 'libarchive-tools');
export const python = requireCommand('python3', 'python3');

export const DISTRIBUTION = `<?xml version="1.0" encoding="utf-8"?>
<installer-gui-script minSpecVersion="1">
  <title>Acme Agent &amp; Tools</title>
  <options customize="never" require-scripts="false" hostArchitectures="x86_64,arm64"/>
  <choices-outline>
    <line choice="default"><line choice="com.acme.agent.base"/></line>
  </choices-outline>
  <choice id="default"/>
  <choice id="com.acme.agent.base" visible="false" enabled="system.compareVersions(system.version.ProductVersion, '10.13') > 0">
    <pkg-ref id="com.acme.agent.base"/>
  </choice>
  <pkg-ref id="com.acme.agent.base" version="2.1.0" onConclusion="none">#base.pkg</pkg-ref>
  <pkg-ref id="com.acme.agent.helper" version="1.4"><![CDATA[#helper.pkg]]></pkg-ref>
  <product id="com.acme.agent" version="2.1.0"/>
</installer-gui-script>
`;

export const PACKAGE_INFO = `<?xml version="1.0" encoding="utf-8"?>
<pkg-info format-version="2" identifier="com.acme.agent.base" version="2.1.0" install-location="/" auth="root">
  <payload installKBytes="1" numberOfFiles="1"/>
</pkg-info>
`;

export type Compression = 'none' | 'gzip';

/** Files (path → bytes) archived by bsdtar as a xar, uncompressed or gzip'd (its default). */
export function bsdtarXar(
  files: Record<string, Buffer | string>,
  compression: Compression,
): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'agent-pkg-'));
  try {
    const root = join(dir, 'root');
    for (const [path, data] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), data);
    }
    const out = join(dir, 'out.pkg');
    const top = [...new Set(Object.keys(files).map(p => p.split('/')[0]))];
    execFileSync(
      bsdtar,
      [
        '--format',
        'xar',
        ...(compression === 'none'
          ? ['--options', 'xar:compression=none']
          : []),
        '-cf',
        out,
        '-C',
        root,
        ...top,
      ],
      { stdio: 'pipe' },
    );
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A product archive: Distribution and base.pkg/{PackageInfo, Payload}. */
export function productArchive(
  compression: Compression,
  payload = Buffer.from('payload'),
) {
  return bsdtarXar(
    {
      Distribution: DISTRIBUTION,
      'base.pkg/PackageInfo': PACKAGE_INFO,
      'base.pkg/Payload': payload,
    },
    compression,
  );
}

/** A component package: PackageInfo and Payload at the root. */
export function componentPackage(
  compression: Compression,
  payload = Buffer.from('payload'),
) {
  return bsdtarXar(
    { PackageInfo: PACKAGE_INFO, Payload: payload },
    compression,
  );
}

/** The pieces of a xar archive, to take apart and put back together. */
export function splitXar(xar: Buffer) {
  const headerSize = xar.readUInt16BE(4);
  const compressed = Number(xar.readBigUInt64BE(8));
  return {
    header: Buffer.from(xar.subarray(0, headerSize)),
    toc: inflateSync(
      xar.subarray(headerSize, headerSize + compressed),
    ).toString('utf8'),
    heap: Buffer.from(xar.subarray(headerSize + compressed)),
  };
}

/** Reassembles a xar with a new TOC; the SHA-1 at heap offset 0 is recomputed. */
export function joinXar(parts: {
  header: Buffer;
  toc: string;
  heap: Buffer;
}): Buffer {
  const compressed = deflateSync(Buffer.from(parts.toc, 'utf8'));
  const header = Buffer.from(parts.header);
  header.writeBigUInt64BE(BigInt(compressed.length), 8);
  header.writeBigUInt64BE(BigInt(Buffer.byteLength(parts.toc)), 16);
  const heap = Buffer.from(parts.heap);
  createHash('sha1').update(compressed).digest().copy(heap, 0);
  return Buffer.concat([header, compressed, heap]);
}

/**
 * Adds a `<signature style="RSA">` (productsign's kind) with 256 bytes of
 * heap to a bsdtar-made package: structurally a signed package, its
 * signature bytes not a real one (the reader only reports the signature).
 */
export function withSignatureElement(xar: Buffer): Buffer {
  const parts = splitXar(xar);
  const signature =
    `<signature style="RSA"><offset>${parts.heap.length}</offset><size>256</size>` +
    '<KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data><X509Certificate>MIIB</X509Certificate></X509Data></KeyInfo></signature>';
  return joinXar({
    header: parts.header,
    toc: parts.toc.replace('</checksum>', `</checksum>${signature}`),
    heap: Buffer.concat([parts.heap, Buffer.alloc(256, 7)]),
  });
}

/** Parses a plist file with Python's plistlib (a parser other than ours) into JSON. */
export function plistlibParse(file: string): any {
  return JSON.parse(
    execFileSync(python, [
      '-c',
      'import sys, json, plistlib\nprint(json.dumps(plistlib.load(open(sys.argv[1], "rb"))))',
      file,
    ]).toString(),
  );
}

/**
 * Python's hashlib over a file: its size, SHA-256 and the SHA-256 and MD5
 * of each `chunk`-byte piece.
 */
export function hashlibChunks(
  file: string,
  chunk: number,
): {
  size: number;
  sha256: string;
  sha256s: string[];
  md5s: string[];
} {
  return JSON.parse(
    execFileSync(python, [
      '-c',
      [
        'import sys, json, hashlib',
        'data = open(sys.argv[1], "rb").read()',
        'n = int(sys.argv[2])',
        'pieces = [data[i:i + n] for i in range(0, len(data), n)]',
        'print(json.dumps({"size": len(data), "sha256": hashlib.sha256(data).hexdigest(),',
        '  "sha256s": [hashlib.sha256(p).hexdigest() for p in pieces],',
        '  "md5s": [hashlib.md5(p).hexdigest() for p in pieces]}))',
      ].join('\n'),
      file,
      String(chunk),
    ]).toString(),
  );
}

/** A supertest parser that keeps a binary body as one Buffer. */
export const binary = (res: any, done: (error: null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
