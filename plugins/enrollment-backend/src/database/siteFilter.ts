import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { SiteFilter, SiteQuery } from '../permissions/siteFilter';

export type { SiteFilter, SiteQuery };

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
    // IS NOT NULL keeps NOT(...) true for resources without a site, as in
    // permissions/siteFilter.ts siteFilterAllows.
    q.where(w => w.whereNotNull(column).whereIn(column, criteria.siteIds));
  }
}
