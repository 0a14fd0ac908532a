/**
 * Escapes a value for use inside an LDAP search filter (RFC 4515, section 3).
 *
 * The characters with a meaning in filters (`*`, `(`, `)`, `\`) and NUL
 * become `\xx`, so user input can never add wildcards or filter components.
 * Every byte of a non-ASCII character's UTF-8 encoding is escaped as well,
 * which RFC 4515 allows and which keeps the filter plain ASCII.
 */
export function escapeFilterValue(value: string): string {
  let escaped = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    escaped += mustEscapeInFilter(byte)
      ? `\\${byte.toString(16).padStart(2, '0')}`
      : String.fromCharCode(byte);
  }
  return escaped;
}

function mustEscapeInFilter(byte: number): boolean {
  return (
    byte >= 0x80 ||
    byte === 0x00 || // NUL
    byte === 0x28 || // (
    byte === 0x29 || // )
    byte === 0x2a || // *
    byte === 0x5c // \
  );
}

// RFC 4514, section 2.4: characters escaped with a backslash anywhere in an
// attribute value. `=` need not be escaped but may be, which keeps the
// escaped value unambiguous for lax parsers.
const DN_SPECIALS = new Set([',', '+', '"', '\\', '<', '>', ';', '=']);

/**
 * Escapes a value for use as an attribute value in a DN (RFC 4514,
 * section 2.4): `,+"\<>;=` get a backslash, as do a leading `#` or space
 * and a trailing space; NUL becomes `\00`.
 */
export function escapeDnValue(value: string): string {
  let escaped = '';
  const last = value.length - 1;
  for (let i = 0; i <= last; i++) {
    const char = value[i];
    if (char === '\0') {
      escaped += '\\00';
    } else if (
      DN_SPECIALS.has(char) ||
      (i === 0 && (char === ' ' || char === '#')) ||
      (i === last && char === ' ')
    ) {
      escaped += `\\${char}`;
    } else {
      escaped += char;
    }
  }
  return escaped;
}
