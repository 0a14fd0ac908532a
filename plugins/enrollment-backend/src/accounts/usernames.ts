/**
 * The form of a name (a username, a directory DN) that login throttling
 * counts under, so that spellings a directory treats as one name share one
 * budget of tries. LDAP matches usernames after Unicode compatibility
 * normalization and case folding (RFC 4518), so `ｂob` (fullwidth) and
 * `ALİCE` (dotted capital I) find bob and alice.
 *
 * Folding more than the directory does only merges budgets, which is safe;
 * folding less gives an attacker extra tries, so this errs on the wide side.
 */
export function throttleName(name: string): string {
  return (
    name
      .normalize('NFKC')
      // toLowerCase turns İ into i + U+0307 (combining dot above), which no
      // longer equals i; directories fold it to i.
      .replace(/\u0130/g, 'I')
      // Upper then lower case folds ı, ſ, ǅ and the like to their plain
      // lower-case letters, as toLowerCase alone does not.
      .toUpperCase()
      .toLowerCase()
      .normalize('NFKC')
      // LDAP string matching ignores leading, trailing and repeated spaces.
      .replace(/\s+/gu, ' ')
      .trim()
  );
}

// C0 and C1 controls, format characters (bidi overrides, zero widths) and
// the Unicode line and paragraph separators: anything that could start a
// new log line or make one text look like another.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * A name as it may appear in a log line or an event: control and format
 * characters are shown as `\u{…}` escapes, so a username with a newline
 * cannot forge a log line of its own.
 */
export function printableName(name: string): string {
  return name.replace(
    UNPRINTABLE,
    c => `\\u{${c.codePointAt(0)!.toString(16).padStart(4, '0')}}`,
  );
}
