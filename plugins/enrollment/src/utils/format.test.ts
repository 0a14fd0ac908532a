import {
  displayUserRef,
  formatBytes,
  formatExpiry,
  summarizeRecipients,
  yesNo,
} from './format';

describe('format', () => {
  it('shows user refs without the default namespace', () => {
    expect(displayUserRef('user:default/jane.doe')).toBe('jane.doe');
    expect(displayUserRef('user:it/bob')).toBe('it/bob');
    expect(displayUserRef('plugin:enrollment')).toBe('plugin:enrollment');
  });

  it('summarizes recipients by count', () => {
    expect(summarizeRecipients([], 0)).toBe('Link only');
    expect(summarizeRecipients(['a@x.org', 'b@x.org'], 2)).toBe(
      'a@x.org, b@x.org',
    );
    expect(
      summarizeRecipients(
        ['a@x.org', 'b@x.org', 'c@x.org', 'd@x.org', 'e@x.org'],
        250,
      ),
    ).toBe('a@x.org, b@x.org, c@x.org +247 more');
  });

  it('says yes or no', () => {
    expect(yesNo(true)).toBe('Yes');
    expect(yesNo(false)).toBe('No');
  });

  it('states an expiry in UTC as the invitation email does', () => {
    expect(formatExpiry('2026-12-08T23:59:59.000Z')).toBe(
      'December 8, 2026 at 11:59 PM UTC',
    );
  });

  it('shows file sizes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5_242_880)).toBe('5.0 MB');
    expect(formatBytes(312 * 1024 * 1024)).toBe('312 MB');
  });
});
