import plist from 'plist';

/**
 * `plist.parse`, without its console output. plist parses with
 * @xmldom/xmldom and gives it no error handler, so xmldom writes every
 * warning and error of a malformed document to `console.error`
 * (`[xmldom fatalError] …`): one line per bad body any client sends, outside
 * the Backstage logger. plist has no option to pass one, so xmldom's
 * reports are dropped here instead; the parse itself, its result and its
 * errors are plist's, unchanged (the caller turns them into an InputError).
 *
 * The parse is synchronous: no other code runs while `console.error` is
 * replaced, and it is put back even when the parse throws.
 */
export function parsePlistQuietly(xml: string): plist.PlistValue {
  // eslint-disable-next-line no-console
  const consoleError = console.error;
  // eslint-disable-next-line no-console
  console.error = () => {};
  try {
    return plist.parse(xml);
  } finally {
    // eslint-disable-next-line no-console
    console.error = consoleError;
  }
}
