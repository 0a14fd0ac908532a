import { DEFAULT_PORTAL_SETTINGS } from '@macenroll/plugin-enrollment-common';
import { html } from '../../lib/markup';
import { portalTexts } from './PortalTexts';

const settings = {
  ...DEFAULT_PORTAL_SETTINGS,
  texts: { ...DEFAULT_PORTAL_SETTINGS.texts, welcome: 'Welcome, team.' },
  translations: {
    fr: {
      'login.heading': 'Enrôlez votre Mac',
      'login.welcome': 'Bienvenue.',
      'frame.support': 'Besoin d’aide ? Contactez {contact}.',
      'login.submit': '',
    },
    en: { 'login.submit': 'Sign in' },
  },
};

describe('portalTexts', () => {
  it('answers in the language Accept-Language prefers, each missing text in English', () => {
    const fr = portalTexts(settings, 'fr-CH, en;q=0.5');
    expect(fr.lang).toBe('fr');
    expect(fr.text('login.heading')).toBe('Enrôlez votre Mac');
    expect(fr.text('login.welcome')).toBe('Bienvenue.');
    // Left out, or left empty: English, as the admin changed it.
    expect(fr.text('login.submit')).toBe('Sign in');
    expect(fr.text('login.password')).toBe('Password');
  });

  it('takes English step texts from the settings and other English texts from translations.en', () => {
    const en = portalTexts(settings, 'it');
    expect(en.lang).toBe('en');
    expect(en.text('login.welcome')).toBe('Welcome, team.');
    expect(en.text('login.submit')).toBe('Sign in');
    expect(portalTexts(undefined).text('login.welcome')).toBe(
      DEFAULT_PORTAL_SETTINGS.texts.welcome,
    );
  });

  it('fills placeholders, escaping text but not markup', () => {
    const fr = portalTexts(settings, 'fr');
    expect(fr.text('frame.support', { contact: 'it@example.com' })).toBe(
      'Besoin d’aide ? Contactez it@example.com.',
    );
    expect(fr.markup('frame.support', { contact: '<b>x</b>' }).value).toBe(
      'Besoin d’aide ? Contactez &lt;b&gt;x&lt;/b&gt;.',
    );
    expect(
      portalTexts(settings, 'en').markup('downloads.registeredTo', {
        name: html`<strong>${'A & B'}</strong>`,
      }).value,
    ).toBe('This Mac will be registered to <strong>A &amp; B</strong>.');
    // A placeholder without a value stays as written.
    expect(portalTexts(settings).text('frame.loggedInAs')).toBe(
      'Logged in as {name}',
    );
  });

  it('escapes what a translation says', () => {
    const texts = portalTexts(
      { ...settings, translations: { de: { 'login.heading': '<img src=x>' } } },
      'de',
    );
    expect(texts.markup('login.heading').value).toBe('&lt;img src=x&gt;');
  });

  it('splits a text of several steps into its lines', () => {
    expect(portalTexts(settings).lines('profile.steps')).toHaveLength(4);
  });
});
