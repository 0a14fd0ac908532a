import { Knex } from 'knex';

/**
 * Up to how many matching rows a list's total is counted exactly on
 * PostgreSQL. Counting a million rows takes PostgreSQL hundreds of
 * milliseconds (it reads every one), and a person paging through a list
 * that long reads the first pages and narrows it with a filter or a search.
 */
export const EXACT_COUNT_LIMIT = 10_000;

/** A list's total, as the stores return it with a page. */
export interface ListTotal {
  /** How many rows match: exact up to the limit, estimated above it. */
  totalCount: number;
  /**
   * Present (true) when more rows than the limit match, on PostgreSQL: then
   * totalCount is the query planner's estimate (from the table statistics
   * ANALYZE keeps), never less than the limit + 1 nor than the rows up to
   * the end of the page returned.
   */
  totalCountIsEstimate?: true;
}

/**
 * The number of rows `query` matches (its select, order, offset and limit
 * are ignored). SQLite counts them all; PostgreSQL counts up to `limit`, and
 * beyond it takes the planner's estimate of the query's rows, at least
 * `atLeast` (the offset plus the rows of the page).
 */
export async function countMatches(
  db: Knex,
  query: Knex.QueryBuilder,
  options: {
    atLeast: number;
    limit?: number;
    /** Already known to match more than `limit` (PostgreSQL skips counting). */
    moreThanLimit?: boolean;
  },
): Promise<ListTotal> {
  const matching = query
    .clone()
    .clearSelect()
    .clearOrder()
    .clear('offset')
    .clear('limit')
    .select(db.raw('1'));
  if (db.client.config.client !== 'pg') {
    const [{ n }] = await db.from(matching.as('m')).count({ n: '*' });
    return { totalCount: Number(n) };
  }
  const limit = options.limit ?? EXACT_COUNT_LIMIT;
  if (!options.moreThanLimit) {
    const [{ n }] = await db
      .from(
        matching
          .clone()
          .limit(limit + 1)
          .as('m'),
      )
      .count({ n: '*' });
    if (Number(n) <= limit) return { totalCount: Number(n) };
  }
  const { rows } = await db.raw('EXPLAIN (FORMAT JSON) ?', [matching]);
  const planned = Number(rows[0]?.['QUERY PLAN']?.[0]?.Plan?.['Plan Rows']);
  return {
    totalCount: Math.max(
      limit + 1,
      options.atLeast,
      Number.isFinite(planned) ? Math.round(planned) : 0,
    ),
    totalCountIsEstimate: true,
  };
}
