import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';

/** The query form of the "in site" permission rule. */
export interface SiteQuery {
  siteIds: string[];
}

/**
 * What a conditional decision allows: undefined means everything.
 */
export type SiteFilter = PermissionCriteria<SiteQuery> | undefined;

/** Applies a conditional decision's site criteria to `column` of a query. */
export function applySiteFilter(
  query: Knex.QueryBuilder,
  column: string,
  filter: SiteFilter,
): Knex.QueryBuilder {
  if (!filter) return query;
  return query.where(q => addCriteria(q, column, filter));
}

function addCriteria(
  q: Knex.QueryBuilder,
  column: string,
  criteria: PermissionCriteria<SiteQuery>,
): void {
  if ('allOf' in criteria) {
    for (const c of criteria.allOf) q.andWhere(w => addCriteria(w, column, c));
  } else if ('anyOf' in criteria) {
    q.where(w => {
      for (const c of criteria.anyOf) w.orWhere(o => addCriteria(o, column, c));
    });
  } else if ('not' in criteria) {
    q.whereNot(w => addCriteria(w, column, criteria.not));
  } else if (criteria.siteIds.length === 0) {
    q.whereRaw('1 = 0');
  } else {
    // IS NOT NULL keeps NOT(...) true for resources without a site, as in siteFilterAllows.
    q.where(w => w.whereNotNull(column).whereIn(column, criteria.siteIds));
  }
}

/** The same criteria, applied to one loaded resource's site. */
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
