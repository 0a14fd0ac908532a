import { InputError } from '@backstage/errors';
import * as common from '@macenroll/plugin-enrollment-common';
import fc from 'fast-check';
import { z } from 'zod';
import { emptyBody, parseInput } from './schemas';
import { cpuNow } from '../__testUtils__/cpuClock';

// Bad input, explored by machine: what the routers do with a request body
// or query. parseInput answers the parsed value or throws an InputError (a
// 400) saying what to fix, whatever Express hands over: never another throw
// (a 500), never a prototype reached through `__proto__`.

const SCHEMAS: Array<[string, z.ZodType]> = [
  ['emptyBody', emptyBody],
  ...Object.entries(common as Record<string, unknown>).filter(
    (entry): entry is [string, z.ZodType] =>
      typeof (entry[1] as Partial<z.ZodType>)?.safeParse === 'function',
  ),
];

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString'];

/** A body as express.json makes it: JSON.parse, own `__proto__` keys included. */
const jsonBody = fc
  .oneof(
    fc.json({ maxDepth: 4 }),
    fc
      .dictionary(
        fc.oneof(
          fc.constantFrom(...PROTOTYPE_KEYS),
          fc.string({ maxLength: 10 }),
        ),
        fc.jsonValue({ maxDepth: 2 }),
        { maxKeys: 5 },
      )
      .map(dict => JSON.stringify(dict)),
  )
  .map(text => JSON.parse(text) as unknown);

/**
 * A query as Express's extended parser (qs) makes it: strings, arrays of
 * strings and nested objects, e.g. from `?limit[]=1&search[a]=b`.
 */
const queryValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>(
  tie => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        '',
        '0',
        '-1',
        '1e9',
        'NaN',
        '25',
        'a,b',
        'x'.repeat(5000),
      ),
      fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
      fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 3 }),
    ),
  }),
).value;
const query = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      'offset',
      'limit',
      'search',
      'siteId',
      'status',
      'orderBy',
      'order',
      'category',
      'recipient',
      ...PROTOTYPE_KEYS,
    ),
    fc.string({ maxLength: 8 }),
  ),
  queryValue,
  { maxKeys: 5 },
);

/** Any JS value, for good measure: null prototypes, dates, NaN, bigints… */
const anything = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withNullPrototype: true,
  withSparseArray: true,
});

function expectTypedAnswer(schema: z.ZodType, input: unknown, budgetMs = 100) {
  const started = cpuNow();
  let outcome: unknown;
  try {
    outcome = parseInput(schema, input, 'request');
  } catch (error) {
    outcome = error;
  }
  expect(cpuNow() - started).toBeLessThan(budgetMs);
  if (outcome instanceof Error) {
    expect(outcome).toBeInstanceOf(InputError);
    expect(outcome.message).toMatch(/^Invalid request: ./);
  }
  return outcome;
}

describe('parseInput with the admin API schemas (property)', () => {
  it.each(SCHEMAS)(
    '%s answers any body or query with a value or an InputError',
    (_name, schema) => {
      fc.assert(
        fc.property(fc.oneof(jsonBody, query, anything), input => {
          expectTypedAnswer(schema, input);
        }),
        { numRuns: 60 },
      );
    },
  );

  it.each(SCHEMAS)(
    '%s refuses prototype keys with an InputError',
    (_name, schema) => {
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        const input = JSON.parse(`{"${key}":{"polluted":1}}`);
        expect(expectTypedAnswer(schema, input)).toBeInstanceOf(InputError);
      }
    },
  );

  it.each([
    ['no body', undefined],
    ['a null body', null],
    [
      '10,000 nested arrays',
      JSON.parse(`${'['.repeat(10_000)}${']'.repeat(10_000)}`),
    ],
    [
      '10,000 nested objects',
      JSON.parse(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`),
    ],
    ['a 1 MB string', 'x'.repeat(1_000_000)],
    [
      '10,000 unknown keys',
      Object.fromEntries(
        Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]),
      ),
    ],
    ['100,000 recipients', { recipients: Array(100_000).fill('a@b.co') }],
  ])(
    'answers %s with a value or an InputError for every schema',
    (_name, input) => {
      for (const [, schema] of SCHEMAS) expectTypedAnswer(schema, input, 1000);
    },
  );

  // Runs last: nothing any input above did reached Object.prototype.
  it('leaves Object.prototype untouched', () => {
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
