import { InputError } from '@backstage/errors';

// Deliberately plain: one @, no spaces or address-list punctuation, a dot in
// the domain. SMTP has the last word; this catches typos and pasted junk.
const ADDRESS =
  /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/;

// Control characters (which PostgreSQL refuses, as NUL, or mail headers
// mangle) and lone surrogates (no UTF-8 for them): \s leaves them through.
const UNPRINTABLE = /[\p{Cc}\p{Cs}]/u;

/** Whether a (trimmed) string looks like an e-mail address, as recipients must. */
export function isEmailAddress(address: string): boolean {
  return (
    address.length <= 254 && ADDRESS.test(address) && !UNPRINTABLE.test(address)
  );
}

/** Trims, checks and de-duplicates (case-insensitively) recipient addresses. */
export function normalizeRecipients(recipients: string[]): string[] {
  const invalid: string[] = [];
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of recipients) {
    const address = raw.trim();
    if (!isEmailAddress(address)) {
      invalid.push(JSON.stringify(raw.slice(0, 100)));
      continue;
    }
    const key = address.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      result.push(address);
    }
  }
  if (invalid.length) {
    const shown = invalid.slice(0, 20).join(', ');
    const more = invalid.length > 20 ? ` and ${invalid.length - 20} more` : '';
    throw new InputError(
      `Not valid email addresses: ${shown}${more}. Correct or remove them and try again.`,
    );
  }
  return result;
}
