import { isDatabaseUnavailable } from './databaseUnavailable';

const withCode = (message: string, code: string) =>
  Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'a refused connection',
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
    ],
    [
      'an admin shutdown',
      withCode('terminating connection due to administrator command', '57P01'),
    ],
    [
      'a server starting up',
      withCode('the database system is starting up', '57P03'),
    ],
    ['a broken connection', withCode('connection failure', '08006')],
    ['a lost socket', new Error('Connection terminated unexpectedly')],
    [
      'an exhausted pool',
      Object.assign(new Error('Knex: Timeout acquiring a connection'), {
        name: 'KnexTimeoutError',
      }),
    ],
    ['a busy SQLite', withCode('database is locked', 'SQLITE_BUSY')],
  ])('says yes to %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('duplicate key value', '23505')],
    ['a syntax error', withCode('syntax error at or near', '42601')],
    [
      'a plain bug',
      new TypeError("Cannot read properties of undefined (reading 'id')"),
    ],
    ['a string', 'Connection terminated'],
    ['nothing', undefined],
  ])('says no to %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
