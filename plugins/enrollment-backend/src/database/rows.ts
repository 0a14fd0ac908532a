/** Dates come back as Date (PostgreSQL) or as number/string (SQLite). */
export function toDate(value: unknown): Date | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  const text = String(value);
  // SQLite's CURRENT_TIMESTAMP form has no zone; it is UTC.
  return new Date(
    /^\d{4}-\d\d-\d\d \d/.test(text) ? `${text.replace(' ', 'T')}Z` : text,
  );
}

export function toIso(value: unknown): string | undefined {
  return toDate(value)?.toISOString();
}

/** Booleans come back as 0/1 from SQLite. */
export function toBool(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

/** null → undefined, for optional fields of the API types. */
export function opt<T>(value: T | null | undefined): T | undefined {
  return value === null ? undefined : value;
}

/**
 * A LIKE pattern matching `text` anywhere, lower-cased, with the wildcards
 * `%` and `_` (and the escape `\\`) matched literally; use with ESCAPE '\\'.
 */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, c => `\\${c}`)}%`;
}
