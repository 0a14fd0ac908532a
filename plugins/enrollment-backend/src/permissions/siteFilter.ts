import { PermissionCriteria } from '@backstage/plugin-permission-common';

/** The query form of the "in site" permission rule. */
export interface SiteQuery {
  siteIds: string[];
}

/**
 * What a conditional decision allows: undefined means everything.
 */
export type SiteFilter = PermissionCriteria<SiteQuery> | undefined;

/** The criteria, applied to one loaded resource's site. */
export function siteFilterAllows(
  filter: SiteFilter,
  siteId: string | null,
): boolean {
  if (!filter) return true;
  const check = (c: PermissionCriteria<SiteQuery>): boolean => {
    if ('allOf' in c) return c.allOf.every(check);
    if ('anyOf' in c) return c.anyOf.some(check);
    if ('not' in c) return !check(c.not);
    return siteId !== null && c.siteIds.includes(siteId);
  };
  return check(filter);
}
