import { DEFAULT_PORTAL_SETTINGS } from '@macenroll/plugin-enrollment-common';
import { settingsProblems } from './settingsLimits';

describe('settingsProblems', () => {
  it('finds nothing wrong with the defaults', () => {
    expect(settingsProblems(DEFAULT_PORTAL_SETTINGS)).toEqual([]);
  });

  it('refuses an enabled agreement without text, blanks included', () => {
    expect(
      settingsProblems({
        ...DEFAULT_PORTAL_SETTINGS,
        eula: { enabled: true, text: '  \n ' },
      }),
    ).toEqual([
      'The license agreement is turned on but has no text. Enter its text or turn it off.',
    ]);
    expect(
      settingsProblems({
        ...DEFAULT_PORTAL_SETTINGS,
        eula: { enabled: false, text: '' },
      }),
    ).toEqual([]);
  });

  it('names the fields longer than the backend takes', () => {
    expect(
      settingsProblems({
        ...DEFAULT_PORTAL_SETTINGS,
        organizationName: 'x'.repeat(201),
        supportContact: 'x'.repeat(301),
        texts: { ...DEFAULT_PORTAL_SETTINGS.texts, login: 'x'.repeat(2001) },
      }),
    ).toEqual([
      'The organization name has more than 200 characters.',
      'The support contact has more than 300 characters.',
      'A step text has more than 2000 characters.',
    ]);
  });
});
