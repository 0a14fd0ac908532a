import { ComputerUser } from '@macenroll/plugin-enrollment-common';
import { Entry } from 'ldapts';
import { LdapMapping } from './LdapSettings';

/**
 * The first string value of an attribute of an entry. Attribute names are
 * case-insensitive (RFC 4512), and servers answer with their own spelling.
 * Binary values are not strings and are skipped.
 */
export function firstString(
  entry: Entry,
  attribute: string,
): string | undefined {
  const wanted = attribute.toLowerCase();
  for (const [name, value] of Object.entries(entry)) {
    // `dn` is the entry's name that ldapts adds, not an attribute.
    if (name !== 'dn' && name.toLowerCase() === wanted) {
      const first = Array.isArray(value) ? value[0] : value;
      return typeof first === 'string' ? first : undefined;
    }
  }
  return undefined;
}

/** The fields of a computer's user, read from an entry via the mapping. */
export function userFields(entry: Entry, mapping: LdapMapping): ComputerUser {
  const fields: ComputerUser = {};
  for (const key of Object.keys(mapping) as Array<keyof LdapMapping>) {
    const value = firstString(entry, mapping[key]);
    if (value !== undefined) {
      fields[key] = value;
    }
  }
  return fields;
}
