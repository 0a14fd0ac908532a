import { generateKeyPairSync } from 'node:crypto';
import { InputError } from '@backstage/errors';
import fc from 'fast-check';
import forge from 'node-forge';
import {
  bytesOf,
  childrenOf,
  octetStringBytes,
  oidOf,
  parseDer,
  toDerBuffer,
} from './der';
import { derChildrenOf, readDerElement } from './derElements';
import { generateCa } from './generateCa';
import { cpuNow } from '../__testUtils__/cpuClock';
import { mutate, mutation } from '../__testUtils__/derMutations';

// Bad input, explored by machine: whatever the bytes, the DER readers answer
// a tree or throw an InputError (a 400), quickly; never forge's TypeErrors
// or a RangeError from a stack overflow (a 500).

const { asn1 } = forge;

/** Runs `read`, expecting a value or an InputError within `budgetMs`. */
function expectTyped(read: () => unknown, budgetMs = 100) {
  const started = cpuNow();
  let outcome: unknown;
  try {
    outcome = read();
  } catch (error) {
    outcome = error;
  }
  expect(cpuNow() - started).toBeLessThan(budgetMs);
  if (outcome instanceof Error) expect(outcome).toBeInstanceOf(InputError);
  return outcome;
}

/**
 * Parses with parseDer, then walks the tree (iteratively) through the
 * helpers every reader uses on it: each answers or throws an InputError.
 */
function parseAndWalk(der: Buffer) {
  const root = parseDer(der, 'input');
  const stack: forge.asn1.Asn1[] = [root];
  let visited = 0;
  while (stack.length && visited++ < 10_000) {
    const node = stack.pop()!;
    if (Array.isArray(node.value)) {
      stack.push(...childrenOf(node, 'node'));
    } else {
      bytesOf(node, 'node');
    }
    if (node.tagClass === asn1.Class.UNIVERSAL) {
      if (node.type === asn1.Type.OID) expectTyped(() => oidOf(node, 'oid'));
      if (node.type === asn1.Type.OCTETSTRING) {
        expectTyped(() => octetStringBytes(node, 'octets'));
      }
    }
  }
  return root;
}

/** Reads with derElements, walking every constructed element's children. */
function readElements(der: Buffer) {
  const root = readDerElement(der, 'input');
  const stack = [root];
  let visited = 0;
  while (stack.length && visited++ < 10_000) {
    const element = stack.pop()!;
    if (element.tag & 0x20) stack.push(...derChildrenOf(element, 'input'));
  }
  return root;
}

const readers = [
  ['parseDer', parseAndWalk],
  ['readDerElement', readElements],
] as const;

/** A DER length in its shortest form. */
function lengthOf(length: number): Buffer {
  if (length < 0x80) return Buffer.of(length);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) {
    bytes.unshift(rest % 256);
  }
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const tlv = (tag: number, content: Buffer) =>
  Buffer.concat([Buffer.of(tag), lengthOf(content.length), content]);

/** `depth` SEQUENCEs, each holding the next (definite lengths). */
function nestedDefinite(depth: number, tag = 0x30): Buffer {
  let der = Buffer.of(tag, 0);
  for (let i = 1; i < depth; i++) der = tlv(tag, der);
  return der;
}

/** `depth` BER indefinite-length elements, each holding the next. */
const nestedIndefinite = (depth: number, tag = 0x30) =>
  Buffer.concat([
    Buffer.alloc(depth * 2, Buffer.of(tag, 0x80)),
    Buffer.alloc(depth * 2, 0),
  ]);

/** A random, mostly well-framed TLV tree: tags and lengths now and then lie. */
const tlvTree: fc.Arbitrary<Buffer> = fc.letrec<{ node: Buffer }>(tie => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .tuple(
        fc.constantFrom(0x02, 0x03, 0x04, 0x05, 0x06, 0x0c, 0x13, 0x17, 0x1e),
        fc.uint8Array({ maxLength: 24 }),
      )
      .map(([tag, content]) => tlv(tag, Buffer.from(content))),
    fc
      .tuple(
        fc.constantFrom(0x30, 0x31, 0xa0, 0xa1, 0xa3, 0x24, 0x23),
        fc.array(tie('node'), { maxLength: 4 }),
      )
      .map(([tag, children]) => tlv(tag, Buffer.concat(children))),
    fc
      .tuple(
        fc.constantFrom(0x30, 0x24, 0xa0),
        fc.array(tie('node'), { maxLength: 3 }),
      )
      .map(([tag, children]) =>
        Buffer.concat([Buffer.of(tag, 0x80), ...children, Buffer.of(0, 0)]),
      ),
    // A header whose length says something else than the content's.
    fc
      .tuple(
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom(
          Buffer.of(0x84, 0xff, 0xff, 0xff, 0xff),
          Buffer.of(0x88, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff),
          Buffer.of(0x85, 0x01, 0, 0, 0, 0),
          Buffer.of(0x80),
          Buffer.of(0xff),
          Buffer.of(0x81),
          Buffer.of(0x82, 0x7f),
        ),
        fc.uint8Array({ maxLength: 8 }),
      )
      .map(([tag, length, content]) =>
        Buffer.concat([Buffer.of(tag), length, content]),
      ),
  ),
})).node;

describe('DER readers (property)', () => {
  // A certificate: real DER with every kind of node the readers meet.
  const certificate = toDerBuffer(
    forge.pki.certificateToAsn1(
      forge.pki.certificateFromPem(
        generateCa({ organization: 'Test' }).certificatePem,
      ),
    ),
  );
  const spki = generateKeyPairSync('rsa', { modulusLength: 1024 })
    .publicKey.export({ type: 'spki', format: 'der' })
    .subarray();
  const VALID = [certificate, spki];

  beforeAll(() => {
    // Warm up forge so the first timed run is like the others.
    for (const der of VALID) {
      parseAndWalk(der);
      readElements(der);
    }
  });

  it.each(readers)('%s reads the valid inputs', (_name, read) => {
    for (const der of VALID) expect(() => read(der)).not.toThrow();
  });

  it.each(readers)(
    '%s answers random bytes with a tree or an InputError',
    (_name, read) => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 512 }), bytes => {
          expectTyped(() => read(Buffer.from(bytes)));
        }),
        { numRuns: 300 },
      );
    },
  );

  it.each(readers)(
    '%s answers random TLV trees with a tree or an InputError',
    (_name, read) => {
      fc.assert(
        fc.property(tlvTree, der => {
          expectTyped(() => read(der));
        }),
        { numRuns: 300 },
      );
    },
  );

  it.each(readers)(
    '%s answers mutated valid DER with a tree or an InputError',
    (_name, read) => {
      fc.assert(
        fc.property(
          fc.constantFrom(...VALID),
          fc.array(mutation, { minLength: 1, maxLength: 4 }),
          (der, mutations) => {
            expectTyped(() => read(mutate(der, mutations)));
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  const HOSTILE: Array<[string, Buffer]> = [
    ['an empty buffer', Buffer.alloc(0)],
    ['a lone tag', Buffer.of(0x30)],
    ['a length of 2^32 - 1', Buffer.of(0x30, 0x84, 0xff, 0xff, 0xff, 0xff)],
    [
      'a length of 2^32 - 1 with some content',
      Buffer.concat([
        Buffer.of(0x04, 0x84, 0xff, 0xff, 0xff, 0xff),
        Buffer.alloc(64),
      ]),
    ],
    [
      'an 8-byte length',
      Buffer.of(0x30, 0x88, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0),
    ],
    [
      'a 127-byte length',
      Buffer.concat([Buffer.of(0x30, 0xff), Buffer.alloc(127, 0xff)]),
    ],
    [
      'an indefinite length without its end',
      Buffer.of(0x30, 0x80, 0x02, 0x01, 0x00),
    ],
    ['a high tag number', Buffer.of(0x1f, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x00)],
    ['an empty OID', Buffer.of(0x06, 0x00)],
    ['an OID ending mid-arc', Buffer.of(0x06, 0x02, 0x2a, 0x86)],
    [
      'an OID with a huge arc',
      Buffer.concat([
        Buffer.of(0x06, 0x20),
        Buffer.alloc(31, 0xff),
        Buffer.of(0x7f),
      ]),
    ],
    ['a BIT STRING with 8 unused bits', Buffer.of(0x03, 0x02, 0x08, 0x00)],
    ['a child longer than its parent', Buffer.of(0x30, 0x03, 0x04, 0x05, 0x00)],
    ['trailing bytes', Buffer.of(0x05, 0x00, 0x00)],
    ['10,000 nested SEQUENCEs', nestedDefinite(10_000)],
    ['10,000 nested indefinite SEQUENCEs', nestedIndefinite(10_000)],
    ['10,000 nested constructed OCTET STRINGs', nestedIndefinite(10_000, 0x24)],
    ['10,000 nested BIT STRINGs', nestedDefinite(10_000, 0x23)],
    ['1,000 nested SEQUENCEs', nestedDefinite(1_000)],
    ['1,000 nested constructed OCTET STRINGs', nestedDefinite(1_000, 0x24)],
    [
      'a BIT STRING holding 1,000 nested BIT STRINGs',
      (() => {
        let der = Buffer.of(0x03, 0x01, 0x00);
        for (let i = 0; i < 1_000; i++) {
          der = tlv(0x03, Buffer.concat([Buffer.of(0), der]));
        }
        return der;
      })(),
    ],
  ];

  describe.each(readers)('%s', (_name, read) => {
    it.each(HOSTILE)('refuses or reads %s without a crash', (_what, der) => {
      expectTyped(() => read(der), 1000);
    });
  });
});
