import { DEFAULT_PORTAL_SETTINGS } from '@macenroll/plugin-enrollment-common';
import { describeSettingsChange } from './settingsChange';

describe('describeSettingsChange', () => {
  const before = DEFAULT_PORTAL_SETTINGS;

  it('names what changed: switches with their state, texts and languages by name', () => {
    expect(
      describeSettingsChange(before, {
        ...before,
        portalEnabled: false,
        texts: { ...before.texts, welcome: 'A secret-free welcome' },
        eula: { enabled: true, text: 'Terms' },
        restrictToLdapGroups: ['mac-users'],
        translations: { fr: { 'login.heading': 'Bonjour' } },
      }),
    ).toBe(
      'Changed the enrollment settings: portalEnabled on → off, texts.welcome, translations.fr added, eula.enabled off → on, eula.text, restrictToLdapGroups',
    );
  });

  it('says when nothing changed, and cuts a long list', () => {
    expect(describeSettingsChange(before, before)).toBe(
      'Saved the enrollment settings unchanged',
    );
    const translations = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`l${i}x`, {}]),
    );
    expect(describeSettingsChange(before, { ...before, translations })).toMatch(
      /translations\.l9x added and 2 more$/,
    );
  });
});
