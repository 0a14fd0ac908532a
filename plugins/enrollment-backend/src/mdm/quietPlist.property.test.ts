import { inspect } from 'node:util';
import { InputError } from '@backstage/errors';
import fc from 'fast-check';
import plist from 'plist';
import { parseCheckinMessage } from './checkinMessage';
import { parseCommandReport } from './commandReport';
import { parsePlistQuietly } from './quietPlist';

// parsePlistQuietly is plist.parse without xmldom's console output: for any
// text, it answers what plist.parse answers (the same value, or the same
// error) and writes nothing to the console.

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

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 10 })),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 30 }),
  }),
);

function mutate(text: string, mutations: Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = m.at % (out.length + 1);
    switch (m.kind) {
      case 'truncate':
        out = out.slice(0, at);
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

const plistText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc
    .tuple(fc.constantFrom(...VALID), fc.array(mutation, { maxLength: 4 }))
    .map(([text, mutations]) => mutate(text, mutations)),
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

describe('parsePlistQuietly (property)', () => {
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

  it('answers what plist.parse answers, writing nothing to the console', () => {
    fc.assert(
      fc.property(plistText, text => {
        const calls = consoleCalls();
        const quiet = describeOutcome(() => parsePlistQuietly(text));
        expect(consoleCalls()).toBe(calls);
        expect(quiet).toBe(describeOutcome(() => plist.parse(text)));
      }),
      {
        numRuns: 150,
        examples: [['<plist><dict><key>a</key></plist>'], ['<plist><a b>']],
      },
    );
  });

  it('writes nothing to the console for a malformed plist, and still throws', () => {
    const malformed =
      '<?xml version="1.0"?><plist><dict><key>a</key><string>x</dict>';
    expect(() => plist.parse(malformed)).toThrow();
    // plist.parse itself reports on the console: what this wrapper stops.
    expect(consoleCalls()).toBeGreaterThan(0);
    spies.forEach(spy => spy.mockClear());

    expect(() => parsePlistQuietly(malformed)).toThrow();
    expect(() => parsePlistQuietly('not xml at all')).toThrow();
    expect(() => parsePlistQuietly('')).toThrow();
    expect(consoleCalls()).toBe(0);
  });

  it('puts console.error back after a throw', () => {
    // eslint-disable-next-line no-console
    const before = console.error;
    expect(() => parsePlistQuietly('<plist><')).toThrow();
    // eslint-disable-next-line no-console
    expect(console.error).toBe(before);
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
