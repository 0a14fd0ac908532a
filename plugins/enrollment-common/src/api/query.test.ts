import { z } from 'zod';
import { listComputersQuerySchema, toComputersQueryString } from './computers';
import { listEventsQuerySchema, toEventsQueryString } from './events';
import {
  ListInvitationsQuery,
  listInvitationsQuerySchema,
  toInvitationsQueryString,
} from './invitations';
import { toQueryString } from './query';

/** What Express hands the router as `req.query`: one string per parameter. */
function parsedQuery(text: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(text.replace(/^\?/, '')));
}

/** What the backend's router does with the client's query string. */
function parsedByBackend(schema: z.ZodType, text: string): unknown {
  return schema.parse(parsedQuery(text));
}

describe('list queries', () => {
  it('round-trip the invitation list, statuses comma-separated', () => {
    const query: ListInvitationsQuery = {
      offset: 50,
      limit: 10,
      orderBy: 'expiresAt',
      order: 'asc',
      status: ['sent', 'partially-sent'],
      siteId: 'site 1',
      search: 'jane+mac@example.com',
    };
    const text = toInvitationsQueryString(query);
    expect(text).toContain('status=sent%2Cpartially-sent');
    expect(parsedByBackend(listInvitationsQuerySchema, text)).toEqual(query);
  });

  it('round-trip the computer list', () => {
    const query = { offset: 0, limit: 100, siteId: 's1', search: 'C02 X' };
    expect(
      parsedByBackend(listComputersQuerySchema, toComputersQueryString(query)),
    ).toEqual(query);
  });

  it('round-trip the activity log', () => {
    const query = {
      offset: 40,
      limit: 20,
      category: 'portal',
      invitationId: 'inv/1',
      computerId: 'c-1',
      search: 'login failed',
    } as const;
    expect(
      parsedByBackend(listEventsQuerySchema, toEventsQueryString(query)),
    ).toEqual(query);
  });

  it('send nothing for an empty query, which the backend reads as its defaults', () => {
    const empty = toInvitationsQueryString({ status: [], search: '' });
    expect(empty).toBe('');
    expect(parsedByBackend(listInvitationsQuerySchema, empty)).toEqual({
      offset: 0,
      limit: 25,
      orderBy: 'createdAt',
      order: 'desc',
    });
    expect(
      parsedByBackend(listComputersQuerySchema, toComputersQueryString({})),
    ).toEqual({ offset: 0, limit: 25 });
    expect(
      parsedByBackend(listEventsQuerySchema, toEventsQueryString({})),
    ).toEqual({ offset: 0, limit: 25 });
  });

  it('take parameters in the schema order, whatever order the caller uses', () => {
    expect(
      toEventsQueryString({ search: 'x', invitationId: 'inv-1', limit: 20 }),
    ).toBe('?limit=20&invitationId=inv-1&search=x');
  });

  it.each([
    ['invitations', listInvitationsQuerySchema, '?limit=101'],
    ['invitations', listInvitationsQuerySchema, '?status=sent,lost'],
    ['invitations', listInvitationsQuerySchema, '?orderBy=name'],
    ['computers', listComputersQuerySchema, '?offset=-1'],
    ['computers', listComputersQuerySchema, '?page=2'],
    ['events', listEventsQuerySchema, '?category=billing'],
    ['events', listEventsQuerySchema, '?limit=ten'],
  ])('refuse an invalid %s query: %s', (_list, schema, text) => {
    expect(schema.safeParse(parsedQuery(text)).success).toBe(false);
  });
});

describe('toQueryString', () => {
  it('leaves out absent and empty values and encodes what would change', () => {
    expect(toQueryString({ a: undefined, b: '', c: [] })).toBe('');
    expect(toQueryString({ fileName: 'Acme Agent+1.pkg', n: 0 })).toBe(
      '?fileName=Acme+Agent%2B1.pkg&n=0',
    );
  });
});
