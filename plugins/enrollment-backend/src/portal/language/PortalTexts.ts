import {
  PORTAL_TEXT_DEFAULTS,
  PortalSettings,
  PortalTextKey,
  STEP_TEXT_KEYS,
} from '@macenroll/plugin-enrollment-common';
import { escapeHtml, SafeHtml } from '../../lib/markup';
import { negotiateLanguage } from './negotiateLanguage';

/** A text to show, by key, with its placeholders' values (an error, say). */
export interface PortalMessage {
  key: PortalTextKey;
  values?: Record<string, string>;
}

/** Values for a text's `{placeholders}`; SafeHtml goes in as markup. */
export type TextValues = Record<string, string | SafeHtml>;

/** The portal's texts in the language one request is answered in. */
export interface PortalTexts {
  /** The language tag, for `<html lang>`. */
  readonly lang: string;
  /** The text with its placeholders filled, as plain text. */
  text(key: PortalTextKey, values?: Record<string, string>): string;
  /** The text as markup: escaped, with SafeHtml values inserted as they are. */
  markup(key: PortalTextKey, values?: TextValues): SafeHtml;
  /** A text of several steps, one per line. */
  lines(key: PortalTextKey): string[];
}

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * The texts for a request: the language Accept-Language prefers among
 * those the settings translate (English always), each text falling back to
 * English where the language leaves it out. English step texts come from
 * the settings' `texts`, the rest from `translations.en` or the defaults.
 */
export function portalTexts(
  settings: PortalSettings | undefined,
  acceptLanguage?: string,
): PortalTexts {
  const translations = settings?.translations ?? {};
  const lang = negotiateLanguage(
    acceptLanguage,
    ['en', ...Object.keys(translations)],
    'en',
  );
  const english = (key: PortalTextKey): string => {
    const step = STEP_TEXT_KEYS[key as keyof typeof STEP_TEXT_KEYS];
    if (step && settings) return settings.texts[step];
    return translations.en?.[key] || PORTAL_TEXT_DEFAULTS[key];
  };
  const template = (key: PortalTextKey) =>
    (lang !== 'en' && translations[lang]?.[key]) || english(key);
  const fill = (
    key: PortalTextKey,
    values: TextValues,
    write: (part: string) => string,
  ) =>
    template(key)
      .split(PLACEHOLDER)
      .map((part, i) => {
        if (i % 2 === 0) return write(part);
        const value = values[part];
        if (value === undefined) return write(`{${part}}`);
        return value instanceof SafeHtml ? value.value : write(value);
      })
      .join('');
  return {
    lang,
    text: (key, values = {}) => fill(key, values, part => part),
    markup: (key, values = {}) => new SafeHtml(fill(key, values, escapeHtml)),
    lines: key =>
      template(key)
        .split('\n')
        .map(line => line.trim())
        .filter(Boolean),
  };
}
