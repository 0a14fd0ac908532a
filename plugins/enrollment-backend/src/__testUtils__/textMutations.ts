import fc from 'fast-check';

/** One edit of a text: cut it short, change a character, splice, delete. */
export type TextMutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; char: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number };

/** Edits that splice in `snippets` (pieces a parser must survive) or random text. */
export function textMutation(
  snippets: readonly string[],
): fc.Arbitrary<TextMutation> {
  return fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('flip' as const),
      at: fc.nat(),
      char: fc.oneof(
        fc.constantFrom('<', '>', '/', '&', '"', "'", '=', ' ', '\0'),
        fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
      ),
    }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.oneof(
        fc.constantFrom(...snippets),
        fc.string({ maxLength: 20 }),
      ),
    }),
    fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 40 }),
    }),
  );
}

/** `text` with the edits applied in order, positions taken modulo its length. */
export function mutate(text: string, mutations: TextMutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length ? m.at % (out.length + 1) : 0;
    switch (m.kind) {
      case 'truncate':
        out = out.slice(0, at);
        break;
      case 'flip':
        out = out.slice(0, at) + m.char + out.slice(at + 1);
        break;
      case 'insert':
        out = out.slice(0, at) + m.text + out.slice(at);
        break;
      default:
        out = out.slice(0, at) + out.slice(at + m.length);
    }
  }
  return out;
}

/** One of `valid`, edited up to four times with `snippets` spliced in. */
export function mutatedText(
  valid: readonly string[],
  snippets: readonly string[],
): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...valid),
      fc.array(textMutation(snippets), { maxLength: 4 }),
    )
    .map(([text, mutations]) => mutate(text, mutations));
}
