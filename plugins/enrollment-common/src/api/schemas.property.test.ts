import fc from 'fast-check';
import { z } from 'zod';
import { PORTAL_TEXT_KEYS } from '../portalTexts';
import {
  ADMIN_COMMAND_TYPES,
  DEFAULT_PORTAL_SETTINGS,
  ENROLLMENT_EVENT_CATEGORIES,
  INVITATION_STATUSES,
} from '../types';
import * as api from './index';
import { cpuNow } from '../__testUtils__/cpuClock';

// Bad input, explored by machine: the admin API's schemas see whatever JSON
// body or query string reaches the backend. Any input parses to the schema's
// shape or to a ZodError (which the backend's parseInput turns into an
// InputError, a 400), quickly; never a throw, never a polluted prototype.

type Schema = z.ZodType;

/** Every schema the module exports, found by shape so that none is missed. */
const SCHEMAS = Object.entries(api as Record<string, unknown>).filter(
  (entry): entry is [string, Schema] =>
    typeof (entry[1] as Partial<Schema>)?.safeParse === 'function',
);

/** A valid input for each schema: the starting point of the mutations. */
const VALID: Record<string, unknown[]> = {
  agentPackageUrlRequestSchema: [{ url: 'https://example.com/agent.pkg' }],
  entityComputersQuerySchema: [
    { entityRef: 'user:default/jane.doe' },
    { entityRef: 'resource:C02XYZ123' },
  ],
  listComputersQuerySchema: [
    {},
    { offset: '0', limit: '25', siteId: 'site', search: 'mac' },
    { status: 'enrolled', offset: '100', limit: '100' },
  ],
  queueCommandRequestSchema: [
    { requestType: ADMIN_COMMAND_TYPES[0] },
    { requestType: 'DeviceLock', pin: '123456', message: 'Call IT' },
  ],
  listEventsQuerySchema: [
    { category: ENROLLMENT_EVENT_CATEGORIES[0], computerId: 'c', limit: '5' },
  ],
  createInvitationRequestSchema: [
    {
      recipients: ['a@example.com'],
      expiresAt: '2026-12-31T23:59:59Z',
      requireLogin: true,
      multipleUses: false,
      siteId: 's',
      keepExistingSite: true,
      subject: 'Enroll',
      message: 'Hello',
      serialNumbers: ['C02ABC12345'],
      deviceRules: { minimumOsVersion: '13.0', allowedModels: ['MacBookPro'] },
    },
  ],
  resendInvitationRequestSchema: [{}, { recipients: ['a@example.com'] }],
  invitationLinkQuerySchema: [{ recipient: 'a@example.com' }],
  listInvitationsQuerySchema: [
    {
      status: INVITATION_STATUSES.join(','),
      orderBy: 'expiresAt',
      order: 'asc',
      offset: '10',
    },
  ],
  createPortalAccountRequestSchema: [
    { username: 'alice', password: 'correct horse battery' },
  ],
  updatePortalAccountRequestSchema: [
    { disabled: true },
    { mayReenrollAnyMac: true },
  ],
  reenrollmentSettingsSchema: [
    {
      restrictToAuthorizedUsers: true,
      clearCommands: 'all-but-acknowledged',
      clearInventoryHistory: true,
      clearUserAndLocation: false,
    },
    {
      restrictToAuthorizedUsers: true,
      clearCommands: 'nothing',
      clearInventoryHistory: false,
      clearUserAndLocation: true,
      authorizedGroups: ['mac-admins'],
    },
  ],
  profileSigningUploadSchema: [{ p12: 'AAAA', password: 'secret' }],
  pushCertificateUploadSchema: [
    { p12Base64: 'AAAA', password: 'secret' },
    { certificatePem: '-----BEGIN', privateKeyPem: '-----BEGIN' },
  ],
  portalSettingsSchema: [
    {
      ...DEFAULT_PORTAL_SETTINGS,
      translations: { fr: { [PORTAL_TEXT_KEYS[0]]: 'Bienvenue' }, 'de-CH': {} },
      restrictToLdapGroups: ['staff'],
    },
  ],
  testMailRequestSchema: [{ to: 'a@example.com' }],
  siteRequestSchema: [
    { name: 'HQ' },
    { name: 'HQ', deviceRules: { minimumOsVersion: '13.0' } },
    { name: 'HQ', deviceRules: null },
  ],
  deviceRulesSchema: [
    {},
    { minimumOsVersion: '10.15.7', allowedModels: ['MacBookPro', 'Mac14,2'] },
  ],
};

/** Schemas whose output is not an input of theirs (a transform). */
const TRANSFORMING = new Set(['listInvitationsQuerySchema']);

// Keys that reach Object.prototype's machinery when copied carelessly.
const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
];

/** Strings that stress the string checks: huge, odd Unicode, numbers as text. */
const nastyString = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ maxLength: 50, unit: 'binary' }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    'NaN',
    'Infinity',
    '-0',
    '1e400',
    '0x10',
    '9007199254740993',
    ' 12 ',
    'a,b,,c',
    ',,,',
    'x'.repeat(300_000),
    'A'.repeat(300_000),
    'é'.repeat(70_000),
    '2026-02-30T25:61:61Z',
    `${'9'.repeat(10_000)}-12-31T23:59:59Z`,
  ),
);

/** A JSON value, as express.json hands it over (own `__proto__` keys included). */
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.json({ maxDepth: 4 }).map(text => JSON.parse(text)),
  nastyString,
  fc
    .dictionary(
      fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 8 })),
      fc.oneof(fc.jsonValue({ maxDepth: 2 }), nastyString),
      { maxKeys: 4 },
    )
    .map(dict => JSON.parse(JSON.stringify(dict))),
);

/** Any JS value, beyond what JSON gives: dates, maps, null prototypes, NaN… */
const anyValue = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** Whether `value` is a JSON object or array, the containers edits go into. */
const isContainer = (value: unknown): value is Record<string, unknown> =>
  Array.isArray(value) ||
  (typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype);

/** Every path to a value inside `value`, the root included. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  const paths = [prefix];
  if (isContainer(value)) {
    for (const [key, child] of Object.entries(value)) {
      paths.push(...pathsOf(child, [...prefix, key]));
    }
  }
  return paths;
}

type Edit =
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'add'; at: number; key: string; value: unknown };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('set' as const),
    at: fc.nat(),
    value: fc.oneof(jsonValue, anyValue),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('add' as const),
    at: fc.nat(),
    key: fc.oneof(
      fc.constantFrom(...PROTOTYPE_KEYS),
      fc.string({ maxLength: 8 }),
    ),
    value: jsonValue,
  }),
);

/** `valid` with the edits applied to a deep copy, `__proto__` as an own key. */
function edited(valid: unknown, edits: Edit[]): unknown {
  let root: unknown = structuredClone(valid);
  for (const e of edits) {
    const paths = pathsOf(root);
    const path = paths[e.at % paths.length];
    if (path.length === 0 && e.kind === 'set') {
      root = e.value;
      continue;
    }
    const parentPath = e.kind === 'add' ? path : path.slice(0, -1);
    const parent = parentPath.reduce<any>((node, key) => node?.[key], root);
    if (!isContainer(parent)) continue;
    const key = e.kind === 'add' ? e.key : path[path.length - 1];
    if (e.kind === 'delete') {
      delete parent[key];
    } else {
      Object.defineProperty(parent, key, {
        value: e.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return root;
}

/** safeParse within budget, without a throw; a success has the schema's shape. */
function expectTypedParse(
  name: string,
  schema: Schema,
  input: unknown,
  budgetMs = 100,
) {
  const started = cpuNow();
  const result = schema.safeParse(input);
  expect(cpuNow() - started).toBeLessThan(budgetMs);
  if (result.success) {
    expectPlainShape(result.data);
    // What the schema answers, it accepts again unchanged.
    expect(
      TRANSFORMING.has(name) || schema.safeParse(result.data).success,
    ).toBe(true);
  } else {
    expect(result.error).toBeInstanceOf(z.ZodError);
    expect(result.error.issues.length).toBeGreaterThan(0);
    // The path of each issue joins into text (parseInput does so).
    for (const issue of result.error.issues) {
      expect(issue.path.every(key => typeof key !== 'symbol')).toBe(true);
    }
  }
  return result;
}

/** Parsed objects are plain: Object.prototype, and no own `__proto__`. */
function expectPlainShape(data: unknown) {
  const stack = [data];
  while (stack.length) {
    const value = stack.pop();
    if (value && typeof value === 'object') {
      expect([Object.prototype, Array.prototype]).toContain(
        Object.getPrototypeOf(value),
      );
      expect(Object.prototype.hasOwnProperty.call(value, '__proto__')).toBe(
        false,
      );
      stack.push(...Object.values(value));
    }
  }
}

const nested = (depth: number, make: (inner: unknown) => unknown) => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = make(value);
  return value;
};

describe('admin API schemas (property)', () => {
  it('has a valid example for every schema', () => {
    expect(SCHEMAS.map(([name]) => name).sort()).toEqual(
      Object.keys(VALID).sort(),
    );
    for (const [name, schema] of SCHEMAS) {
      for (const input of VALID[name] ?? []) {
        expect(schema.safeParse(input).error).toBeUndefined();
      }
    }
  });

  it.each(SCHEMAS)(
    '%s answers any JSON with its shape or a ZodError',
    (name, schema) => {
      fc.assert(
        fc.property(fc.oneof(jsonValue, anyValue), input => {
          expectTypedParse(name, schema, input);
        }),
        { numRuns: 40 },
      );
    },
  );

  it.each(SCHEMAS)(
    '%s answers edited valid input with its shape or a ZodError',
    (name, schema) => {
      fc.assert(
        fc.property(
          fc.constantFrom(...(VALID[name] ?? [{}])),
          fc.array(edit, { minLength: 1, maxLength: 3 }),
          (valid, edits) => {
            expectTypedParse(name, schema, edited(valid, edits));
          },
        ),
        { numRuns: 60 },
      );
    },
  );

  it.each(SCHEMAS)(
    '%s refuses prototype keys and answers deep nesting',
    (name, schema) => {
      for (const valid of VALID[name] ?? []) {
        for (const key of ['__proto__', 'constructor', 'prototype']) {
          // As JSON.parse makes it: an own key, not the prototype.
          const input = Object.assign(
            JSON.parse(`{"${key}":{"polluted":1}}`),
            structuredClone(valid),
          );
          expect(Object.keys(input)).toContain(key);
          expect(expectTypedParse(name, schema, input).success).toBe(false);
        }
      }
      for (const input of [
        nested(10_000, inner => [inner]),
        nested(10_000, inner => ({ a: inner })),
        JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`),
        { recipients: nested(5000, inner => [inner]) },
        { translations: { fr: nested(5000, inner => ({ welcome: inner })) } },
        {
          ...DEFAULT_PORTAL_SETTINGS,
          translations: JSON.parse('{"__proto__":{"welcome":"polluted"}}'),
        },
        { recipients: Array(100_000).fill('a@example.com') },
        Object.fromEntries(
          Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]),
        ),
      ]) {
        expectTypedParse(name, schema, input, 1000);
      }
    },
  );

  // Runs last: nothing any input above did reached Object.prototype.
  it('leaves Object.prototype untouched', () => {
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
