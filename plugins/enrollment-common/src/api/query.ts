import { z } from 'zod';

/**
 * A value a list query carries: lists (statuses) travel comma-separated, so
 * their items must not contain commas; the enums they hold do not.
 *
 * @public
 */
export type QueryValue = string | number | readonly string[] | undefined;

/**
 * Builds `?a=1&b=2` from the defined, non-empty values, in the order given;
 * `''` when none is left. Empty strings and empty lists are left out rather
 * than sent, because the backend reads an absent parameter as its default
 * while an empty one would be a filter on nothing.
 *
 * @public
 */
export function toQueryString(
  params: Readonly<Record<string, QueryValue>>,
): string {
  // URLSearchParams is a WHATWG global in browsers and Node alike, so this
  // stays isomorphic; it also encodes `+`, which a server would read as a space.
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const text = Array.isArray(value) ? value.join(',') : value ?? '';
    if (text !== '') search.set(key, String(text));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * The query string of a list's query, its parameters taken in the order of
 * the schema's fields, so the schema is the one list of names; values the
 * schema does not know are not sent.
 */
export function listQueryString(
  schema: z.ZodObject,
  query: Readonly<Partial<Record<string, QueryValue>>>,
): string {
  return toQueryString(
    Object.fromEntries(
      Object.keys(schema.shape).map(name => [name, query[name]]),
    ),
  );
}

/** Ids the backend hands out (UUIDs); the bound keeps junk out of queries. */
export const idSchema = z.string().trim().min(1).max(64);

/** A list's free-text filter. */
export const searchSchema = z.string().trim().max(200).optional();

/**
 * The paging every list takes. A query string carries text, so the numbers
 * are coerced; the backend's pages are at most 100 items.
 */
export const pageFields = {
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(25),
};

/** The parsing side of {@link toQueryString}'s comma-separated lists. */
export const commaListSchema = z.string().transform(s =>
  s
    .split(',')
    .map(v => v.trim())
    .filter(Boolean),
);
