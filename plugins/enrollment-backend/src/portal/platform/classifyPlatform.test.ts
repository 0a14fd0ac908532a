import { classifyPlatform, Platform } from './classifyPlatform';

const modern = (osVersion: string, frozen: boolean): Platform => ({
  kind: 'mac-modern',
  osVersion,
  frozen,
});
const legacy = (osVersion: string): Platform => ({
  kind: 'mac-legacy',
  osVersion,
});
const unsupported = (
  device: Extract<Platform, { kind: 'unsupported' }>['device'],
): Platform => ({ kind: 'unsupported', device });

const IPHONE_SAFARI_17 =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

// Real User-Agent strings, as sent by the named browser and system.
const table: Array<[string, string | undefined, Platform]> = [
  // Frozen: macOS 11+ browsers all claim 10.15(.7).
  [
    'Safari 17 on macOS 14',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
    modern('10.15.7', true),
  ],
  [
    'Chrome 124 on macOS',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    modern('10.15.7', true),
  ],
  [
    'Firefox 125 on macOS',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:125.0) Gecko/20100101 Firefox/125.0',
    modern('10.15', true),
  ],
  [
    'Edge 124 on macOS',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51',
    modern('10.15.7', true),
  ],
  [
    // Indistinguishable from a Mac server-side (client-side hint needed).
    'iPadOS 17 Safari in desktop mode',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
    modern('10.15.7', true),
  ],
  // Real versions below the freeze.
  [
    'Safari 13.1 on macOS 10.15.6',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.2 Safari/605.1.15',
    modern('10.15.6', false),
  ],
  [
    'Safari 14.1 on macOS 10.14.6',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.1.2 Safari/605.1.15',
    modern('10.14.6', false),
  ],
  [
    'Safari 13.1 on macOS 10.13.6',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.2 Safari/605.1.15',
    modern('10.13.6', false),
  ],
  [
    'Firefox 78 ESR on macOS 10.13',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.13; rv:78.0) Gecko/20100101 Firefox/78.0',
    modern('10.13', false),
  ],
  [
    'Safari 10.1 on macOS 10.12.6',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_12_6) AppleWebKit/603.3.8 (KHTML, like Gecko) Version/10.1.2 Safari/603.3.8',
    legacy('10.12.6'),
  ],
  [
    'Chrome 103 on macOS 10.12.6',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_12_6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/103.0.5060.134 Safari/537.36',
    legacy('10.12.6'),
  ],
  [
    'Safari 11.1 on OS X 10.11.6',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/11.1.2 Safari/605.1.15',
    legacy('10.11.6'),
  ],
  [
    'Safari 8 on OS X 10.10',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_10) AppleWebKit/600.1.25 (KHTML, like Gecko) Version/8.0 Safari/600.1.25',
    legacy('10.10'),
  ],
  [
    'Safari 7 on OS X 10.9.5',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_5) AppleWebKit/537.78.2 (KHTML, like Gecko) Version/7.0.6 Safari/537.78.2',
    legacy('10.9.5'),
  ],
  [
    'Safari 4 on PowerPC Mac OS X 10.5.8',
    'Mozilla/5.0 (Macintosh; U; PPC Mac OS X 10_5_8; en-us) AppleWebKit/531.22.7 (KHTML, like Gecko) Version/4.0.5 Safari/531.22.7',
    legacy('10.5.8'),
  ],
  // Versions above the freeze that did appear (Big Sur betas, early Chrome).
  [
    'Chrome 87 on macOS 11.1',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 11_1_0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/87.0.4280.88 Safari/537.36',
    modern('11.1.0', false),
  ],
  [
    'Chrome 88 on macOS 11.2',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 11_2) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/88.0.4324.96 Safari/537.36',
    modern('11.2', false),
  ],
  [
    'Firefox 84 on the macOS 11 beta (10.16)',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.16; rv:84.0) Gecko/20100101 Firefox/84.0',
    modern('10.16', false),
  ],
  // Not a Mac.
  ['iPhone, iOS 17 Safari', IPHONE_SAFARI_17, unsupported('iphone')],
  [
    'iPhone, iOS 17 Chrome',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1',
    unsupported('iphone'),
  ],
  [
    'iPad, iOS 12 Safari',
    'Mozilla/5.0 (iPad; CPU OS 12_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1',
    unsupported('ipad'),
  ],
  [
    'Android, Chrome 124 (reduced UA)',
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
    unsupported('android'),
  ],
  [
    'Android, Firefox',
    'Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0',
    unsupported('android'),
  ],
  [
    'Windows 10, Edge',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51',
    unsupported('windows'),
  ],
  [
    'Windows 10, Chrome',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    unsupported('windows'),
  ],
  [
    'Linux, Firefox',
    'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
    unsupported('linux'),
  ],
  [
    'Ubuntu, Firefox',
    'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
    unsupported('linux'),
  ],
  [
    'ChromeOS, Chrome',
    'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    unsupported('chromeos'),
  ],
  [
    'Googlebot',
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    unsupported('unknown'),
  ],
  ['curl', 'curl/8.0.1', unsupported('unknown')],
  ['empty header', '', unsupported('unknown')],
  ['no header', undefined, unsupported('unknown')],
];

describe('classifyPlatform', () => {
  it.each(table)('%s', (_name, userAgent, expected) => {
    expect(classifyPlatform(userAgent)).toEqual(expected);
  });

  it('classifies iOS as such although its UA contains "Mac OS X"', () => {
    expect(IPHONE_SAFARI_17).toContain('like Mac OS X');
    expect(classifyPlatform(IPHONE_SAFARI_17)).toEqual(unsupported('iphone'));
  });

  it('keeps the line at 10.12.6 / 10.13 and the freeze at exactly 10.15.7', () => {
    const mac = (version: string) =>
      classifyPlatform(`Mozilla/5.0 (Macintosh; Intel Mac OS X ${version})`);
    expect(mac('10_12')).toEqual(legacy('10.12'));
    expect(mac('10_13')).toEqual(modern('10.13', false));
    expect(mac('10_15')).toEqual(modern('10.15', true));
    expect(mac('10_15_0')).toEqual(modern('10.15.0', false));
    expect(mac('10_15_7')).toEqual(modern('10.15.7', true));
    expect(mac('26_0')).toEqual(modern('26.0', false));
  });
});
