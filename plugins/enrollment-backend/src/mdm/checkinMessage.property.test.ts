import { InputError } from '@backstage/errors';
import fc from 'fast-check';
import { mutate, textMutation } from '../__testUtils__/textMutations';
import plist from 'plist';
import { parseCheckinMessage } from './checkinMessage';
import { cpuNow } from '../__testUtils__/cpuClock';

// Bad input, explored by machine: whatever the body, the parser answers a
// CheckinMessage or throws an InputError (a 400), quickly.

const MESSAGE_TYPES = [
  'Authenticate',
  'TokenUpdate',
  'CheckOut',
  'SetBootstrapToken',
  'GetBootstrapToken',
  'UserAuthenticate',
  'Other',
];

// Inputs here are at most a few KB; the fixed 150-250 KB deep-nesting
// examples below get a budget in proportion, as xmldom reads roughly 1 KB
// per millisecond whatever the shape.
function expectTypedAnswer(body: Buffer, budgetMs = 100) {
  const started = cpuNow();
  let outcome: unknown;
  try {
    outcome = parseCheckinMessage(body);
  } catch (error) {
    outcome = error;
  }
  const elapsed = cpuNow() - started;
  expect(elapsed).toBeLessThan(budgetMs);
  if (outcome instanceof Error) {
    expect(outcome).toBeInstanceOf(InputError);
  } else {
    expect(MESSAGE_TYPES).toContain((outcome as { type: string }).type);
    expect(typeof (outcome as { udid: unknown }).udid).toBe('string');
  }
}

const valid = (dict: object) => plist.build(dict as any);

const VALID_BODIES = [
  valid({
    MessageType: 'Authenticate',
    UDID: 'U',
    Topic: 'com.apple.mgmt.External.test',
    SerialNumber: 'C02ABCDEFGHJ',
  }),
  valid({
    MessageType: 'TokenUpdate',
    UDID: 'U',
    Topic: 'com.apple.mgmt.External.test',
    Token: Buffer.from([1, 2, 3]),
    PushMagic: 'magic',
    AwaitingConfiguration: true,
  }),
  valid({ MessageType: 'CheckOut', UDID: 'U', Topic: 't' }),
  valid({
    MessageType: 'SetBootstrapToken',
    UDID: 'U',
    BootstrapToken: Buffer.alloc(0),
  }),
  valid({ MessageType: 'UserAuthenticate', UDID: 'U', UserID: 'u' }),
];

// Pieces of XML and plist that a mutation splices in.
const SNIPPETS = [
  '<!DOCTYPE plist SYSTEM "file:///etc/passwd">',
  '<!DOCTYPE p [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
  '<!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
  '&e;',
  '&b;',
  '&#0;',
  '&#xD800;',
  '&unknown;',
  '<key>UDID</key><string>dup</string>',
  '<key>MessageType</key><integer>1</integer>',
  '<key>__proto__</key><dict><key>MessageType</key><string>x</string></dict>',
  '<key>UDID</key>',
  '<dict>',
  '</dict>',
  '<array>',
  '</array>',
  '<data>!!!not base64</data>',
  '<date>not a date</date>',
  '<integer>99999999999999999999999999</integer>',
  '<real>NaN</real>',
  '<![CDATA[',
  ']]>',
  '<?xml version="1.0"?>',
  '<!--',
  '\u0000',
  '\uFFFE',
  '\uD800',
];

const nested = (depth: number, open: string, close: string) =>
  `<?xml version="1.0"?><plist version="1.0">${open.repeat(
    depth,
  )}${close.repeat(depth)}</plist>`;

describe('parseCheckinMessage (property)', () => {
  beforeAll(() => {
    // xmldom reports each malformed document on the console.
    jest.spyOn(console, 'error').mockImplementation(() => {});
    jest.spyOn(console, 'warn').mockImplementation(() => {});
    // Warm up plist and xmldom so the first run is timed like the others.
    for (const text of VALID_BODIES) parseCheckinMessage(Buffer.from(text));
  });

  afterAll(() => jest.restoreAllMocks());

  it('answers any string with a message or an InputError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 2000 }),
          fc.string({ maxLength: 500, unit: 'binary' }),
        ),
        text => expectTypedAnswer(Buffer.from(text, 'utf8')),
      ),
      { numRuns: 300 },
    );
  });

  it('answers any bytes (invalid UTF-8 included) with a message or an InputError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), bytes =>
        expectTypedAnswer(Buffer.from(bytes)),
      ),
      { numRuns: 300 },
    );
  });

  it('answers mutated valid check-ins with a message or an InputError', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID_BODIES),
        fc.array(textMutation(SNIPPETS), { minLength: 1, maxLength: 5 }),
        (text, mutations) =>
          expectTypedAnswer(Buffer.from(mutate(text, mutations), 'utf8')),
      ),
      { numRuns: 500 },
    );
  });

  it('answers mutated bytes of valid check-ins (invalid UTF-8 spliced in)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID_BODIES),
        fc.nat(),
        fc.uint8Array({ minLength: 1, maxLength: 8 }),
        (text, at, bytes) => {
          const body = Buffer.from(text, 'utf8');
          const i = at % (body.length + 1);
          expectTypedAnswer(
            Buffer.concat([body.subarray(0, i), bytes, body.subarray(i)]),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ['10,000 nested <array>', nested(10_000, '<array>', '</array>')],
    ['10,000 nested <dict>', nested(10_000, '<dict><key>k</key>', '</dict>')],
    [
      'an external entity',
      `<?xml version="1.0"?><!DOCTYPE plist [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><plist version="1.0"><dict><key>MessageType</key><string>CheckOut</string><key>UDID</key><string>&xxe;</string><key>Topic</key><string>t</string></dict></plist>`,
    ],
    [
      'nested internal entities (billion laughs)',
      `<?xml version="1.0"?><!DOCTYPE plist [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]><plist version="1.0"><dict><key>MessageType</key><string>CheckOut</string><key>UDID</key><string>&f;</string><key>Topic</key><string>t</string></dict></plist>`,
    ],
    [
      'duplicate keys',
      `<?xml version="1.0"?><plist version="1.0"><dict><key>MessageType</key><string>CheckOut</string><key>MessageType</key><integer>3</integer><key>UDID</key><string>U</string><key>Topic</key><string>t</string></dict></plist>`,
    ],
    [
      'a __proto__ key',
      `<?xml version="1.0"?><plist version="1.0"><dict><key>__proto__</key><dict><key>MessageType</key><string>CheckOut</string></dict><key>UDID</key><string>U</string><key>Topic</key><string>t</string></dict></plist>`,
    ],
    ['a lone UTF-16 surrogate as UTF-8 bytes', '\uD800'],
  ])('refuses or reads %s without a crash', (_name, text) => {
    expectTypedAnswer(Buffer.from(text, 'utf8'), 1000);
  });

  it('never reads a file through an external entity', () => {
    const body = `<?xml version="1.0"?><!DOCTYPE plist [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><plist version="1.0"><dict><key>MessageType</key><string>CheckOut</string><key>UDID</key><string>&xxe;</string><key>Topic</key><string>t</string></dict></plist>`;
    let outcome: unknown;
    try {
      outcome = parseCheckinMessage(Buffer.from(body)).udid;
    } catch (error) {
      outcome = error;
    }
    // Either refused as bad input, or parsed without the file's content.
    const refused = outcome instanceof InputError;
    expect(refused || !String(outcome).includes('root:')).toBe(true);
  });

  it('refuses raw invalid UTF-8 bytes', () => {
    expectTypedAnswer(Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xa0, 0xa1]));
  });
});
