import type { Computer, ComputerUser } from '../types';

/**
 * `spec.type` of the `Resource` entity the catalog module publishes for
 * each enrolled Mac.
 *
 * @public
 */
export const MAC_RESOURCE_TYPE = 'mac';

/**
 * Annotations on a Mac's `Resource` entity: what ties it back to the
 * enrollment plugin's computer record.
 *
 * @public
 */
export const MAC_ENTITY_ANNOTATIONS = {
  computerId: 'macenroll.io/computer-id',
  udid: 'macenroll.io/udid',
  serialNumber: 'macenroll.io/serial-number',
} as const;

/**
 * Labels on a Mac's `Resource` entity, for catalog filters.
 *
 * @public
 */
export const MAC_ENTITY_LABELS = {
  model: 'macenroll.io/model',
  osVersion: 'macenroll.io/os-version',
  site: 'macenroll.io/site',
} as const;

// Catalog names and label values: [a-zA-Z0-9] joined by [-_.], at most 63.
const NAME_PART = /[^A-Za-z0-9._-]+/g;

/**
 * A catalog-safe name or label value made of `text`, or undefined when
 * nothing usable is left.
 *
 * @public
 */
export function catalogSafeValue(text: string | undefined): string | undefined {
  const value = (text ?? '')
    .replace(NAME_PART, '-')
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return value || undefined;
}

/**
 * The Mac's entity name: its serial number; a Mac that reported none (it
 * has not sent Authenticate) is named by its UDID.
 *
 * @public
 */
export function macEntityName(
  computer: Pick<Computer, 'serialNumber' | 'udid'>,
): string {
  return (
    catalogSafeValue(computer.serialNumber) ??
    catalogSafeValue(`udid-${computer.udid}`) ??
    'mac'
  );
}

/**
 * Whether the catalog `User` named `name` (with its profile e-mail) is the
 * person recorded on a computer: the directory username (LDAP uid) equals
 * the entity's name, or the e-mail addresses are the same, both without
 * regard to case. The catalog module picks owners with it and the backend
 * lets a person see their own Macs with it, so both agree.
 *
 * @public
 */
export function computerBelongsToUser(
  computerUser: ComputerUser,
  user: { name: string; email?: string },
): boolean {
  const same = (a?: string, b?: string) =>
    !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
  return (
    same(computerUser.username, user.name) ||
    same(computerUser.email, user.email)
  );
}
