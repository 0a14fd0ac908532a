import fc from 'fast-check';

/** One edit to a valid message's bytes, as fast-check draws it. */
export type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number };

/** Byte sequences worth splicing in: huge and odd lengths, tags, end markers. */
export const SPLICES = [
  [0x84, 0xff, 0xff, 0xff, 0xff],
  [0x84, 0x7f, 0xff, 0xff, 0xff],
  [0x82, 0x7f, 0xff],
  [0x89, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [0x80],
  [0x00, 0x00],
  [0x30, 0x80],
  [0x1f, 0xff, 0xff, 0xff, 0x7f],
  [0x1f, 0xff, 0xff, 0xff, 0xff, 0x7f],
  [0x06, 0x00],
  [0x06, 0x01, 0x80],
  [0x03, 0x01, 0x08],
].map(bytes => Uint8Array.from(bytes));

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.oneof(
      fc.constantFrom(...SPLICES),
      fc.uint8Array({ minLength: 1, maxLength: 8 }),
    ),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 16 }),
  }),
);

/** `input` with the edits applied in order (positions wrap to its length). */
export function mutate(input: Buffer, mutations: Mutation[]): Buffer {
  let out = input;
  for (const m of mutations) {
    const at = m.at % (out.length + 1);
    switch (m.kind) {
      case 'flip':
        out = Buffer.concat([
          out.subarray(0, at),
          Buffer.of(m.byte),
          out.subarray(at + 1),
        ]);
        break;
      case 'truncate':
        out = out.subarray(0, at);
        break;
      case 'insert':
        out = Buffer.concat([out.subarray(0, at), m.bytes, out.subarray(at)]);
        break;
      default:
        out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.length)]);
    }
  }
  return out;
}
