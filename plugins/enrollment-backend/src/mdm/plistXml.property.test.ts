import { inspect } from 'node:util';
import { InputError } from '@backstage/errors';
import fc from 'fast-check';
import { mutatedText } from '../__testUtils__/textMutations';
import plist from 'plist';
import { parseCheckinMessage } from './checkinMessage';
import { parseCommandReport } from './commandReport';
import { parsePlistXml, PlistSyntaxError } from './plistXml';

// parsePlistXml reads what plist.parse reads, refuses what plist would
// guess at, and never writes to the console: for any text it answers
// plist.parse's value or a PlistSyntaxError.

const VALID = [
  plist.build({
    MessageType: 'Authenticate',
    UDID: 'U',
    Topic: 'com.apple.mgmt.External.test',
  }),
  plist.build({
    Status: 'Acknowledged',
    UDID: 'U',
    CommandUUID: 'c',
    QueryResponses: { OSVersion: '14.4', IsSupervised: false, Free: 1.5 },
    ProfileList: [{ PayloadIdentifier: 'p', PayloadContent: Buffer.of(1, 2) }],
    When: new Date(0),
  }),
];

// Pieces of XML that make xmldom report a warning, an error or a fatal error.
const SNIPPETS = [
  '<',
  '>',
  '</',
  '&',
  '&unknown;',
  '&#0;',
  '<a b>',
  '<a b=c>',
  '<a b="1" b="2">',
  '</dict>',
  '<dict>',
  '<!DOCTYPE p [<!ENTITY e "x">]>',
  '<![CDATA[',
  '<!--',
  '<?xml version="1.0"?>',
  'x:y',
  '<x:y/>',
  '\u0000',
  '\ud800',
];

const plistText = fc.oneof(
  fc.string({ maxLength: 200 }),
  mutatedText(VALID, SNIPPETS),
);

/** A value or an error, as text that tells apart NaN, invalid dates and Buffers. */
function describeOutcome(parse: () => unknown): string {
  try {
    return `value ${inspect(parse(), {
      depth: Infinity,
      maxArrayLength: Infinity,
      maxStringLength: Infinity,
    })}`;
  } catch (error) {
    const { name, message } = error as Error;
    return `error ${name}: ${message}`;
  }
}

/** A property-list value plist.build can write: XML-safe text, finite numbers. */
const xmlText = fc
  .string({ maxLength: 20 })
  .filter(t => /^[\t\n\x20-\ud7ff\ue000-\ufffd]*$/.test(t));
const plistValue = fc.letrec<{ value: unknown }>(tie => ({
  value: fc.oneof(
    { depthSize: 'small' },
    xmlText,
    fc.integer(),
    fc
      .double({ noNaN: true, noDefaultInfinity: true })
      .filter(n => !Number.isInteger(n)),
    fc.boolean(),
    fc
      .date({
        min: new Date('1970-01-01T00:00:00Z'),
        max: new Date('2100-01-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map(d => new Date(Math.floor(d.getTime() / 1000) * 1000)),
    fc.uint8Array({ maxLength: 20 }).map(a => Buffer.from(a)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      xmlText.filter(k => k !== '__proto__'),
      tie('value'),
      { maxKeys: 4, noNullPrototype: true },
    ),
  ),
})).value;

describe('parsePlistXml (property)', () => {
  const methods = ['error', 'warn', 'log', 'info', 'debug'] as const;
  let spies: jest.SpyInstance[];

  beforeEach(() => {
    spies = methods.map(method =>
      jest.spyOn(console, method).mockImplementation(() => {}),
    );
  });
  afterEach(() => jest.restoreAllMocks());

  const consoleCalls = () =>
    spies.reduce((n, spy) => n + spy.mock.calls.length, 0);

  it('reads every list plist writes as plist reads it', () => {
    fc.assert(
      fc.property(plistValue, value => {
        const text = plist.build({ value } as plist.PlistObject);
        expect(describeOutcome(() => parsePlistXml(text))).toBe(
          describeOutcome(() => plist.parse(text)),
        );
      }),
      { numRuns: 200 },
    );
    expect(consoleCalls()).toBe(0);
  });

  it("answers plist.parse's value or a PlistSyntaxError, writing nothing to the console", () => {
    fc.assert(
      fc.property(plistText, text => {
        const mine = describeOutcome(() => parsePlistXml(text));
        expect(
          mine.startsWith('error PlistSyntaxError: ') ||
            mine === describeOutcome(() => plist.parse(text)),
        ).toBe(true);
      }),
      {
        numRuns: 150,
        examples: [['<plist><dict><key>a</key></plist>'], ['<plist><a b>']],
      },
    );
    spies.forEach(spy => spy.mockClear());
    // The same texts once more, without plist.parse (which does write).
    fc.assert(
      fc.property(plistText, text => {
        describeOutcome(() => parsePlistXml(text));
      }),
      { numRuns: 150 },
    );
    expect(consoleCalls()).toBe(0);
  });

  it('refuses what plist would guess at', () => {
    const refused = [
      '',
      'not xml at all',
      '<?xml version="1.0"?><plist><dict><key>a</key><string>x</dict>',
      '<plist><dict><key>a</key></dict></plist>',
      '<plist><dict><string>x</string><string>y</string></dict></plist>',
      '<plist><integer>12abc</integer></plist>',
      '<plist><real>1.5x</real></plist>',
      '<plist><data>!!!</data></plist>',
      '<plist><date>yesterday</date></plist>',
      '<plist><dict><key>__proto__</key><string>x</string></dict></plist>',
      '<plist><blob/></plist>',
      '<plist><string>a</string><string>b</string></plist>',
      '<plist><a b></plist>',
      `<plist>${'<array>'.repeat(10_000)}${'</array>'.repeat(10_000)}</plist>`,
    ];
    for (const text of refused) {
      expect(() => parsePlistXml(text)).toThrow(PlistSyntaxError);
    }
    expect(consoleCalls()).toBe(0);
  });

  it('keeps check-ins and command reports quiet: an InputError, no console', () => {
    fc.assert(
      fc.property(plistText, text => {
        const body = Buffer.from(text, 'utf8');
        for (const parse of [parseCheckinMessage, parseCommandReport]) {
          let outcome: unknown;
          try {
            outcome = parse(body);
          } catch (error) {
            outcome = error;
          }
          // A dictionary, or an InputError (a 400).
          expect(
            outcome instanceof Error && !(outcome instanceof InputError),
          ).toBe(false);
        }
        expect(consoleCalls()).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});
