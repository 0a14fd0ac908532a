import fc from 'fast-check';
import { negotiateLanguage } from './negotiateLanguage';
import { cpuNow } from '../../__testUtils__/cpuClock';

// Bad input, explored by machine: Accept-Language is whatever the browser
// (or anyone) sends. Any header answers one of the languages the settings
// have, or the fallback, quickly and without a throw.

// The settings' language tags (LANGUAGE_TAG in enrollment-common).
const languageTag = fc.stringMatching(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/);
const available = fc
  .uniqueArray(languageTag, { maxLength: 40 })
  .map(tags => ['en', ...tags]);

/** One Accept-Language entry, well-formed or not. */
const entry = fc.oneof(
  languageTag,
  fc
    .tuple(
      fc.oneof(languageTag, fc.constant('*')),
      fc.oneof(
        fc.constantFrom(
          '0',
          '1',
          '0.5',
          '0.001',
          '1.000',
          '1.5',
          '-1',
          '',
          'NaN',
          'Infinity',
          '1e3',
          '0x1',
          '.5',
          `0.${'9'.repeat(50)}`,
        ),
        fc.string({ maxLength: 8 }),
      ),
    )
    .map(([tag, q]) => `${tag};q=${q}`),
  fc.string({ maxLength: 20 }),
  fc.constantFrom(';', ';;', ' ', '', ';q', ';q=', 'q=1', '\u0000', '\ud800'),
);

const header = fc.oneof(
  fc.array(entry, { maxLength: 60 }).map(entries => entries.join(',')),
  fc.string({ maxLength: 1200 }),
  fc.string({ maxLength: 300, unit: 'binary' }),
);

function negotiateQuickly(
  text: string | undefined,
  languages: readonly string[],
  budgetMs = 100,
) {
  const started = cpuNow();
  const lang = negotiateLanguage(text, languages, 'en');
  expect(cpuNow() - started).toBeLessThan(budgetMs);
  expect(languages).toContain(lang);
  return lang;
}

describe('negotiateLanguage (property)', () => {
  it('answers any header with an available language or the fallback', () => {
    fc.assert(
      fc.property(header, available, (text, languages) => {
        negotiateQuickly(text, languages);
      }),
      { numRuns: 500 },
    );
  });

  it('answers a header naming an available language, in any case, with it', () => {
    fc.assert(
      fc.property(
        available,
        fc.nat(),
        fc.boolean(),
        fc.array(entry, { maxLength: 5 }),
        (languages, index, upper, rest) => {
          const tag = languages[index % languages.length];
          const text = [upper ? tag.toUpperCase() : tag.toLowerCase(), ...rest]
            .map(part => part.replace(/,/g, ''))
            .join(',');
          expect(negotiateQuickly(text, languages).toLowerCase()).toBe(
            tag.toLowerCase(),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never answers a language the header refuses with q=0 alone', () => {
    fc.assert(
      fc.property(available, fc.nat(), (languages, index) => {
        const tag = languages[index % languages.length];
        const lang = negotiateQuickly(`${tag};q=0`, languages);
        expect(lang).toBe('en');
      }),
      { numRuns: 200 },
    );
  });

  // RFC 9110 §12.4.2: a qvalue is at most 1, so a language named first
  // without a weight (q=1) is never outranked by a later one.
  it('answers the first of two available languages when the second has any weight', () => {
    fc.assert(
      fc.property(
        available.filter(languages => languages.length >= 2),
        fc.nat(),
        fc.oneof(
          fc.stringMatching(/^[0-9]{1,2}(\.[0-9]{0,4})?$/),
          fc.string({ maxLength: 6 }),
        ),
        (languages, index, q) => {
          const second = languages[1 + (index % (languages.length - 1))];
          const text = `${languages[0]}, ${second};q=${q.replace(/,/g, '')}`;
          expect(negotiateQuickly(text, languages)).toBe(languages[0]);
        },
      ),
      {
        numRuns: 300,
        // Found by this property: q=1.5 (or 1.999) outranked q=1.
        examples: [[['en', 'fr'], 0, '1.5']],
      },
    );
  });

  const entries = (count: number, make: (i: number) => string) =>
    Array.from({ length: count }, (_, i) => make(i)).join(',');

  it.each([
    ['1 MB of commas', ','.repeat(1_000_000)],
    ['10,000 entries', entries(10_000, i => `x${i % 26}`)],
    ['10,000 q values', entries(10_000, () => 'fr;q=0.5')],
    ['499 entries in 1,000 characters', 'x,'.repeat(499)],
    ['1,000 characters of one tag', 'a'.repeat(1000)],
    ['a 1 MB q value', `fr;q=${'9'.repeat(1_000_000)}`],
    ['1,000 semicolons', `fr${';'.repeat(999)}`],
    ['1,000 characters of "q=0."', `fr;q=0.${'0'.repeat(992)}`],
  ])('answers %s quickly', (_name, text) => {
    negotiateQuickly(text, ['en', 'fr', 'de-CH']);
  });
});
