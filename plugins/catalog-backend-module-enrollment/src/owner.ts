import {
  DEFAULT_NAMESPACE,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  catalogSafeValue,
  Computer,
  computerBelongsToUser,
  SiteRef,
} from '@macenroll/plugin-enrollment-common';

/** How owners are chosen beyond the catalog's users. */
export interface OwnerRules {
  /** Lower-cased site name → group entity ref. */
  siteGroups: ReadonlyMap<string, string>;
  defaultOwner: string;
}

/** The users and groups of the catalog an owner is picked from. */
export interface OwnerCandidates {
  users: Array<{ ref: string; name: string; email?: string }>;
  groups: Array<{ ref: string; name: string }>;
}

/**
 * The `Group` a site's Macs go to when nobody matches: the site's name made
 * catalog-safe, lower-cased.
 */
export function siteGroupName(site: SiteRef): string | undefined {
  return catalogSafeValue(site.name)?.toLowerCase();
}

// Several entities may share a name across namespaces: the default
// namespace wins, then the first by ref, so every run picks the same one.
const byPreference = (a: { ref: string }, b: { ref: string }) => {
  const rank = (ref: string) =>
    ref.includes(`:${DEFAULT_NAMESPACE}/`) ? 0 : 1;
  return rank(a.ref) - rank(b.ref) || a.ref.localeCompare(b.ref);
};

/** The `User` and `Group` entities of a catalog answer, as candidates. */
export function ownerCandidatesOf(entities: Entity[]): OwnerCandidates {
  const candidates: OwnerCandidates = { users: [], groups: [] };
  for (const entity of entities) {
    const kind = entity.kind.toLowerCase();
    const ref = stringifyEntityRef(entity);
    const name = entity.metadata.name;
    if (kind === 'user') {
      const email = (entity.spec?.profile as { email?: unknown } | undefined)
        ?.email;
      candidates.users.push({
        ref,
        name,
        email: typeof email === 'string' ? email : undefined,
      });
    } else if (kind === 'group') {
      candidates.groups.push({ ref, name });
    }
  }
  candidates.users.sort(byPreference);
  candidates.groups.sort(byPreference);
  return candidates;
}

/**
 * The owner of a Mac's entity: the catalog user who is the Mac's person
 * (by directory username first, then by e-mail, as
 * `computerBelongsToUser` decides); else the group configured for its site;
 * else the group named after its site; else the default owner.
 */
export function chooseOwner(
  computer: Pick<Computer, 'user' | 'site'>,
  candidates: OwnerCandidates,
  rules: OwnerRules,
): string {
  const matches = candidates.users.filter(u =>
    computerBelongsToUser(computer.user, u),
  );
  const user =
    matches.find(u => computerBelongsToUser(computer.user, { name: u.name })) ??
    matches[0];
  if (user) return user.ref;

  if (computer.site) {
    const configured = rules.siteGroups.get(
      computer.site.name.trim().toLowerCase(),
    );
    if (configured) return configured;
    const name = siteGroupName(computer.site);
    const group = candidates.groups.find(g => g.name.toLowerCase() === name);
    if (group) return group.ref;
  }
  return rules.defaultOwner;
}
