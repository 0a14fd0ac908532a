import { MAX_INVITATION_RECIPIENTS } from '@macenroll/plugin-enrollment-common';

/** The most recipients one invitation may have; the backend refuses more. */
export const MAX_RECIPIENTS = MAX_INVITATION_RECIPIENTS;

// The backend's check, repeated so admins see typos while they paste:
// one @, no spaces or address-list punctuation, a dot in the domain.
const ADDRESS =
  /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/;

export interface ParsedRecipients {
  /** Valid addresses, first spelling kept, without duplicates. */
  valid: string[];
  /** Entries that are not addresses, each once. */
  invalid: string[];
  /** How many repeated addresses were left out. */
  duplicates: number;
}

/**
 * Reads addresses separated by commas, semicolons, spaces or new lines, as
 * admins paste them from spreadsheets and mail clients.
 */
export function parseRecipients(text: string): ParsedRecipients {
  const valid: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  const seenInvalid = new Set<string>();
  let duplicates = 0;
  for (const entry of text.split(/[\s,;]+/)) {
    if (!entry) continue;
    if (entry.length > 254 || !ADDRESS.test(entry)) {
      if (!seenInvalid.has(entry)) {
        seenInvalid.add(entry);
        invalid.push(entry);
      }
      continue;
    }
    const key = entry.toLowerCase();
    if (seen.has(key)) {
      duplicates++;
    } else {
      seen.add(key);
      valid.push(entry);
    }
  }
  return { valid, invalid, duplicates };
}
