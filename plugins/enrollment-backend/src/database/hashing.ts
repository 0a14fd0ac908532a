import { createHash } from 'node:crypto';

/**
 * Lowercase hex SHA-256 of a secret's UTF-8 text. Secrets handed out
 * (session ids, download tokens, SCEP challenges) are kept only as this, so
 * a copy of the database opens nothing.
 */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
