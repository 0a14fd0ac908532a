import { printableName, throttleName } from './usernames';

describe('throttleName', () => {
  it.each([
    ['bob', 'bob'],
    ['BOB', 'bob'],
    ['ｂob', 'bob'],
    ['ｂｏｂ', 'bob'],
    ['ⓑob', 'bob'],
    ['ALİCE', 'alice'],
    ['alıce', 'alice'],
    ['ＡＬİＣＥ', 'alice'],
    ['ſam', 'sam'],
    ['\u212Aim', 'kim'], // KELVIN SIGN
    ['  bob  ', 'bob'],
    ['jane  doe', 'jane doe'],
    ['Zoë', 'zoë'],
    ['Zoe\u0308', 'zoë'], // decomposed ë
  ])('folds %j to %j', (name, folded) => {
    expect(throttleName(name)).toBe(folded);
  });

  it('keeps names apart that a directory keeps apart', () => {
    expect(throttleName('bob')).not.toBe(throttleName('b ob'));
    expect(throttleName('bob')).not.toBe(throttleName('bоb')); // Cyrillic о
  });

  it('folds DNs the same way', () => {
    expect(throttleName('UID=Bob,OU=People,DC=Example,DC=Com')).toBe(
      'uid=bob,ou=people,dc=example,dc=com',
    );
  });
});

describe('printableName', () => {
  it('leaves ordinary names alone', () => {
    for (const name of ['bob', 'jane.doe@example.com', 'Zoë Ünal', '山田']) {
      expect(printableName(name)).toBe(name);
    }
  });

  it.each([
    ['bob\n2026-12-03 INFO fake line', 'bob\\u{000a}2026-12-03 INFO fake line'],
    ['bob\r\nx', 'bob\\u{000d}\\u{000a}x'],
    ['bob\u2028x', 'bob\\u{2028}x'],
    ['bob\u2029x', 'bob\\u{2029}x'],
    ['bob\u0000x', 'bob\\u{0000}x'],
    ['bob\u001b[2Kx', 'bob\\u{001b}[2Kx'],
    ['bob\u0085x', 'bob\\u{0085}x'], // NEXT LINE
    ['bob\u202ex', 'bob\\u{202e}x'], // RIGHT-TO-LEFT OVERRIDE
    ['bob\u200bx', 'bob\\u{200b}x'], // ZERO WIDTH SPACE
  ])('escapes the control characters of %j', (name, printable) => {
    expect(printableName(name)).toBe(printable);
  });
});
