import { FilterParser } from 'ldapts';

/**
 * Puts an already escaped value in place of every `{name}` in a filter
 * template. split/join rather than String.replace, whose replacement string
 * would give `$&` and friends a meaning.
 */
export function fillFilter(
  template: string,
  placeholder: string,
  escapedValue: string,
): string {
  return template.split(`{${placeholder}}`).join(escapedValue);
}

const UTF8_ESCAPE_RUN = /(?:\\[89a-f][\da-f])+/gi;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Rewrites the escaped non-ASCII bytes of a filter (`\c3\a9`) as the
 * characters they encode (`é`) before the filter goes to ldapts.
 *
 * ldapts (8.1) unescapes each `\xx` to the code point xx and then encodes
 * the string as UTF-8, so `\c3\a9` reaches the server as c3 83 c2 a9 and
 * never matches. RFC 4515 allows UTF-8 characters unescaped, so both forms
 * mean the same filter; the rewritten one is what ldapts encodes correctly.
 * Only escapes of bytes >= 0x80 are touched, so no character with a meaning
 * in filters can come out of this. Runs that are not valid UTF-8 are left
 * alone.
 */
export function forLdapts(filter: string): string {
  return filter.replace(UTF8_ESCAPE_RUN, run => {
    const bytes = Buffer.from(run.replace(/\\/g, ''), 'hex');
    try {
      return strictUtf8.decode(bytes);
    } catch {
      return run;
    }
  });
}

/** Whether ldapts can parse the filter; the reason when it cannot. */
export function filterSyntaxError(filter: string): string | undefined {
  // ldapts would add the parentheses, but filters here are also nested
  // inside others, where they are required.
  if (!filter.startsWith('(') || !filter.endsWith(')')) {
    return 'a filter must be enclosed in parentheses';
  }
  try {
    FilterParser.parseString(forLdapts(filter));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
