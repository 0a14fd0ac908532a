import { InputError } from '@backstage/errors';
import fc from 'fast-check';
import { normalizeRecipients } from './recipients';
import { cpuNow } from '../__testUtils__/cpuClock';

// Bad input, explored by machine: whatever an admin pastes as recipients,
// normalizeRecipients answers the addresses to mail (trimmed, checked,
// de-duplicated) or an InputError naming the bad ones, quickly; an address
// it accepts is safe to store and to put in a mail header.

/** The answer, which must come within `budgetMs`: addresses or an InputError. */
function normalizeQuickly(
  recipients: string[],
  budgetMs = 100,
): string[] | InputError {
  const started = cpuNow();
  let outcome: string[] | Error;
  try {
    outcome = normalizeRecipients(recipients);
  } catch (error) {
    outcome = error as Error;
  }
  expect(cpuNow() - started).toBeLessThan(budgetMs);
  if (outcome instanceof Error) expect(outcome).toBeInstanceOf(InputError);
  return outcome as string[] | InputError;
}

// Whitespace, control characters (C0, DEL, C1) and lone surrogates: none
// of them belongs in an address stored in the database or put in a header.
const FORBIDDEN = /[\s\p{Cc}\p{Cs}]/u;

function expectSafeAddress(address: string) {
  expect(address).toBe(address.trim());
  expect(address.length).toBeLessThanOrEqual(254);
  expect(FORBIDDEN.test(address)).toBe(false);
  const [local, domain, ...more] = address.split('@');
  expect(more).toEqual([]);
  expect(local.length).toBeGreaterThan(0);
  expect(domain.split('.').length).toBeGreaterThanOrEqual(2);
  expect(domain.split('.').every(label => label.length > 0)).toBe(true);
  expect(/[<>()[\]\\,;:"]/.test(address)).toBe(false);
}

const ODD_CHARS = [
  ' ',
  '\t',
  '\r\n',
  '\u0000',
  '\u0007',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\ud800',
  '\udc00',
  '<',
  '>',
  ',',
  ';',
  ':',
  '"',
  '\\',
  '@',
  '.',
  '..',
  'é',
  'İ',
  'ß',
  '🍎',
];

/** A word of letters, digits and the odd character now and then. */
const word = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...'abcXYZ019-_+') },
      { weight: 1, arbitrary: fc.constantFrom(...ODD_CHARS) },
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map(parts => parts.join(''));

/** Something shaped like an address, often valid, sometimes not. */
const addressLike = fc
  .tuple(
    fc.constantFrom('', ' ', '\t', '\n'),
    word,
    fc.array(word, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('', ' ', '\r\n', '\u00a0'),
  )
  .map(
    ([before, local, labels, after]) =>
      `${before}${local}@${labels.join('.')}${after}`,
  );

const recipient = fc.oneof(
  { weight: 6, arbitrary: addressLike },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
  {
    weight: 1,
    arbitrary: addressLike.map(address =>
      address.replace(/[a-z]/g, c =>
        c.charCodeAt(0) % 2 ? c.toUpperCase() : c,
      ),
    ),
  },
);

/** Lists that repeat some of their entries, in other cases and spacing. */
const recipients = fc
  .array(recipient, { maxLength: 30 })
  .chain(list =>
    fc
      .array(fc.nat(), { maxLength: list.length ? 10 : 0 })
      .map(picks => [
        ...list,
        ...picks.map(i => ` ${list[i % list.length].toUpperCase()} `),
      ]),
  );

/** Whether normalizeRecipients accepts the address on its own. */
function isAccepted(raw: string): boolean {
  try {
    normalizeRecipients([raw]);
    return true;
  } catch {
    return false;
  }
}

/** The accepted addresses alone: what an admin gets after fixing the list. */
const validOnly = (list: string[]) => list.filter(isAccepted);

describe('normalizeRecipients (property)', () => {
  it('answers any list with safe addresses or an InputError', () => {
    fc.assert(
      fc.property(recipients, list => {
        const outcome = normalizeQuickly(list);
        if (!(outcome instanceof Error)) outcome.forEach(expectSafeAddress);
      }),
      {
        numRuns: 500,
        // Found by this property: control characters other than whitespace
        // passed, and a NUL makes PostgreSQL refuse the row (a 500).
        examples: [
          [['a\u0000b@example.com']],
          [['a@exa\u0007mple.com']],
          [['\u007f@example.com']],
          [['a@example.com\u0085']],
          [['\ud800@example.com']],
        ],
      },
    );
  });

  it('names each invalid address in its InputError', () => {
    fc.assert(
      fc.property(recipients, list => {
        const outcome = normalizeQuickly(list);
        const invalid = list.filter(raw => !isAccepted(raw));
        expect(outcome instanceof Error).toBe(invalid.length > 0);
        const message = outcome instanceof Error ? outcome.message : '';
        for (const raw of invalid.slice(0, 20)) {
          expect(message).toContain(JSON.stringify(raw.slice(0, 100)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('collapses duplicates case-insensitively, keeping the first spelling in order', () => {
    fc.assert(
      fc.property(recipients, list => {
        const valid = validOnly(list);
        const result = normalizeQuickly(valid) as string[];
        const lower = result.map(address => address.toLowerCase());
        expect(new Set(lower).size).toBe(result.length);
        const firstSpellings = valid
          .map(raw => raw.trim())
          .filter(
            (address, i, all) =>
              all.findIndex(
                other => other.toLowerCase() === address.toLowerCase(),
              ) === i,
          );
        expect(result).toEqual(firstSpellings);
      }),
      { numRuns: 200 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(recipients, list => {
        const result = normalizeQuickly(validOnly(list)) as string[];
        expect(normalizeQuickly(result)).toEqual(result);
      }),
      { numRuns: 200 },
    );
  });

  const address = (local: number, domain: number) =>
    `${'a'.repeat(local)}@${'b'.repeat(domain)}.com`;

  it.each([
    [
      '1,000 valid addresses',
      Array.from({ length: 1000 }, (_, i) => `u${i}@example.com`),
    ],
    ['1,000 copies of one address', Array(1000).fill('u@example.com')],
    [
      '1,000 invalid addresses',
      Array.from({ length: 1000 }, (_, i) => `u${i}`),
    ],
    ['a 1 MB string', ['a'.repeat(1_000_000)]],
    ['a 1 MB address', [address(500_000, 500_000)]],
    ['1,000 strings of 10 KB', Array(1000).fill(`${'a@'.repeat(5_000)}`)],
    ['an address of 254 characters', [address(125, 124)]],
    ['an address of 255 characters', [address(125, 125)]],
    ['100 KB of dots', [`a@${'.'.repeat(100_000)}`]],
    ['100 KB of labels', [`a@${'b.'.repeat(50_000)}`]],
    ['100 KB of @', ['@'.repeat(100_000)]],
    ['nothing', []],
  ])('answers %s quickly', (_name, list) => {
    normalizeQuickly(list, 500);
  });
});
