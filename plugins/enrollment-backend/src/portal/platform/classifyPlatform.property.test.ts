import fc from 'fast-check';
import { classifyPlatform, Platform } from './classifyPlatform';
import { otherMacBrowser } from './macBrowser';
import { cpuNow } from '../../__testUtils__/cpuClock';

// Bad input, explored by machine: the User-Agent is whatever the client
// sends. Any string, however long or strange, gets a classification (and a
// browser name or none) without a throw, in linear time: a regex that
// backtracks on a crafted header would hold the event loop.

const DEVICES = [
  'iphone',
  'ipad',
  'android',
  'windows',
  'linux',
  'chromeos',
  'unknown',
];
const BROWSERS = ['Microsoft Edge', 'Opera', 'Firefox', 'Chrome', undefined];

function expectClassified(platform: Platform) {
  expect(['mac-modern', 'mac-legacy', 'unsupported']).toContain(platform.kind);
  if (platform.kind === 'unsupported') {
    expect(DEVICES).toContain(platform.device);
  } else {
    // The version is only ever read from digits and dots.
    expect(platform.osVersion).toMatch(/^\d+\.\d+(\.\d+)?$/);
  }
}

/** Both classifiers on `ua`, timed together. */
function classifyQuickly(ua: string | undefined, budgetMs = 100) {
  const started = cpuNow();
  const platform = classifyPlatform(ua);
  const browser = otherMacBrowser(ua);
  expect(cpuNow() - started).toBeLessThan(budgetMs);
  expectClassified(platform);
  expect(BROWSERS).toContain(browser);
  return platform;
}

// Tokens real User-Agents are made of, for strings that look like them.
const TOKENS = [
  'Mozilla/5.0 ',
  '(Macintosh; Intel Mac OS X 10_15_7) ',
  'Mac OS X ',
  'Mac OS X 10_',
  'Mac OS X 10.',
  '10_15_7',
  '10.12.6',
  '_',
  '.',
  '9999999999999999999999',
  'iPhone',
  'iPad',
  'Android',
  'Windows NT 10.0',
  'CrOS',
  'Linux',
  'AppleWebKit/605.1.15 (KHTML, like Gecko) ',
  'Version/17.4 Safari/605.1.15',
  'Chrome/124.0.0.0 ',
  'CriOS/',
  'Edg/',
  'OPR/',
  'Firefox/',
  '\u0000',
  '\r\n',
  '\u202e',
  '\ud800',
  '🍎',
];

const userAgent = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ maxLength: 300, unit: 'binary' }),
  fc.string({ maxLength: 100, unit: 'grapheme' }),
  fc
    .array(fc.constantFrom(...TOKENS), { maxLength: 30 })
    .map(parts => parts.join('')),
);

describe('classifyPlatform and otherMacBrowser (property)', () => {
  it('classify any string quickly, without a throw', () => {
    fc.assert(
      fc.property(userAgent, ua => {
        classifyQuickly(ua);
      }),
      { numRuns: 500 },
    );
  });

  it('put the device token before any Mac version', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('iPhone', 'iPad', 'Android', 'Windows NT', 'CrOS'),
        userAgent,
        userAgent,
        (token, before, after) => {
          // iOS UAs say "like Mac OS X" too: the device token decides.
          const ua = `${before}Mac OS X 10_15_7 ${token}${after}`;
          expect(classifyQuickly(ua).kind).toBe('unsupported');
        },
      ),
      { numRuns: 200, examples: [['iPad', '', '']] },
    );
  });

  it('read any Mac version without a throw', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{1,30}$/),
        fc.constantFrom('.', '_'),
        fc.stringMatching(/^\d{1,30}$/),
        fc.option(fc.stringMatching(/^\d{1,30}$/)),
        (major, separator, minor, patch) => {
          const version = [major, minor, ...(patch === null ? [] : [patch])];
          const platform = classifyQuickly(
            `Mozilla/5.0 (Macintosh; Intel Mac OS X ${version.join(
              separator,
            )}) Safari/605.1.15`,
          );
          expect(platform).toMatchObject({ osVersion: version.join('.') });
        },
      ),
      { numRuns: 200 },
    );
  });

  const repeat = (text: string, length: number) =>
    text.repeat(Math.ceil(length / text.length)).slice(0, length);

  it.each([
    ['100 KB of "Mac OS X "', repeat('Mac OS X ', 100_000)],
    ['"Mac OS X " and 100 KB of digits', `Mac OS X ${repeat('1', 100_000)}`],
    ['100 KB of "Mac OS X 1"', repeat('Mac OS X 1', 100_000)],
    ['100 KB of "Mac OS X 10_"', repeat('Mac OS X 10_', 100_000)],
    ['100 KB of digits and dots', repeat('1.', 100_000)],
    ['100 KB of NULs', '\u0000'.repeat(100_000)],
    ['100 KB of lone surrogates', '\ud800'.repeat(100_000)],
    ['1 MB of "Mozilla/5.0 "', repeat('Mozilla/5.0 ', 1_000_000)],
    [
      'a Mac UA after 100 KB of junk',
      `${repeat('x', 100_000)}Mac OS X 10_15_7`,
    ],
  ])('classifies %s quickly', (_name, ua) => {
    classifyQuickly(ua);
  });

  it('classifies a missing header as unknown', () => {
    expect(classifyQuickly(undefined)).toEqual({
      kind: 'unsupported',
      device: 'unknown',
    });
  });
});
