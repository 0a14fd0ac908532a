import { createServer, Server, Socket } from 'node:net';
import { ConfigReader } from '@backstage/config';
import { ServiceUnavailableError } from '@backstage/errors';
import { RunningSlapd, SEED_PEOPLE, startSlapd } from '@internal/test-harness';
import { Client } from 'ldapts';
import { LdapDirectory } from './LdapDirectory';
import { readLdapSettings } from './LdapSettings';

jest.setTimeout(30_000);

const { alice, bob, carol, smith } = SEED_PEOPLE;

describe('LdapDirectory against slapd', () => {
  let slapd: RunningSlapd;
  beforeAll(async () => {
    slapd = await startSlapd();
  });
  afterAll(() => slapd?.stop());
  afterEach(() => jest.restoreAllMocks());

  /** A directory on the seeded slapd; `ldap` overrides enrollment.ldap keys. */
  function directory(ldap: Record<string, unknown> = {}): LdapDirectory {
    const settings = readLdapSettings(
      new ConfigReader({
        enrollment: {
          ldap: {
            url: slapd.url,
            bindDn: slapd.bindDn,
            bindPassword: slapd.bindPassword,
            users: { baseDn: slapd.baseDn },
            ...ldap,
          },
        },
      }),
    );
    return new LdapDirectory(settings!);
  }
  const withGroups = () =>
    directory({ groups: { baseDn: `ou=groups,${slapd.baseDn}` } });
  const peopleOnly = () =>
    directory({ users: { baseDn: `ou=people,${slapd.baseDn}` } });

  describe('authenticate', () => {
    it('logs alice in with every mapped field as seeded', async () => {
      await expect(
        directory().authenticate('alice', alice.password),
      ).resolves.toEqual({
        dn: alice.dn,
        fields: {
          username: 'alice',
          realName: 'Alice Archer',
          email: 'alice@example.com',
          department: 'Engineering',
          building: 'HQ',
          room: '101',
          phone: '+1 555 0101',
          position: 'Engineer',
        },
        groups: [],
      });
    });

    it('finds carol in ou=contractors only when the base is the whole tree', async () => {
      const user = await directory().authenticate('carol', carol.password);
      expect(user?.dn).toBe(carol.dn);
      expect(user?.fields.realName).toBe('Carol Clark');
      await expect(
        peopleOnly().authenticate('carol', carol.password),
      ).resolves.toBeUndefined();
    });

    it('logs in jsmith, whose DN has escaped characters', async () => {
      const user = await peopleOnly().authenticate('jsmith', smith.password);
      // slapd spells the DN with hex escapes (RFC 4514 allows both forms);
      // the seed wrote `cn=Smith\, John \"JJ\" \+ Co`.
      expect(smith.dn).toBe(
        'cn=Smith\\, John \\"JJ\\" \\+ Co,ou=people,dc=example,dc=com',
      );
      expect(user?.dn).toBe(
        'cn=Smith\\2C John \\22JJ\\22 \\2B Co,ou=people,dc=example,dc=com',
      );
      expect(user?.fields).toMatchObject({
        username: 'jsmith',
        realName: 'Smith, John "JJ" + Co',
        email: 'john.smith@example.com',
      });
    });

    it('refuses a wrong password, and another user’s password', async () => {
      await expect(
        directory().authenticate('alice', 'wrong'),
      ).resolves.toBeUndefined();
      await expect(
        directory().authenticate('alice', bob.password),
      ).resolves.toBeUndefined();
    });

    it('checks a right and a wrong password with the same one bind, the groups read before', async () => {
      const directoryWithGroups = withGroups();
      const candidate = (await directoryWithGroups.findLoginCandidate(
        'alice',
      ))!;
      expect(candidate.groups).toEqual(['mac-users']);
      const bind = jest.spyOn(Client.prototype, 'bind');
      await directoryWithGroups.checkPassword(candidate, alice.password);
      const afterRight = bind.mock.calls.map(call => call[0]);
      bind.mockClear();
      await directoryWithGroups.checkPassword(candidate, 'wrong');
      const afterWrong = bind.mock.calls.map(call => call[0]);
      expect(afterRight).toEqual([alice.dn]);
      expect(afterWrong).toEqual([alice.dn]);
    });

    it('refuses an empty password before any bind', async () => {
      const bind = jest.spyOn(Client.prototype, 'bind');
      await expect(
        directory().authenticate('alice', ''),
      ).resolves.toBeUndefined();
      expect(bind).not.toHaveBeenCalled();
      // Not even a connection: an unreachable directory does not matter.
      await expect(
        directory({ url: 'ldap://127.0.0.1:1' }).authenticate('alice', ''),
      ).resolves.toBeUndefined();
    });

    it('refuses an unknown user', async () => {
      await expect(
        directory().authenticate('mallory', alice.password),
      ).resolves.toBeUndefined();
      await expect(
        directory().authenticate('', alice.password),
      ).resolves.toBeUndefined();
    });

    it.each([['*)(uid=*'], ['*'], ['alice)(|(uid=*'], ['ali*'], ['alice\\2a']])(
      'logs nobody in with the username %j and alice’s password',
      async username => {
        await expect(
          directory().authenticate(username, alice.password),
        ).resolves.toBeUndefined();
      },
    );

    it('binds as the user in a second connection, not the reader’s', async () => {
      const bind = jest.spyOn(Client.prototype, 'bind');
      await directory().authenticate('alice', alice.password);
      expect(bind.mock.calls.map(call => call[0])).toEqual([
        slapd.bindDn,
        alice.dn,
      ]);
      const [readerClient, userClient] = bind.mock.contexts;
      expect(userClient).not.toBe(readerClient);
    });

    it('reads the groups when they are configured', async () => {
      const groups = async (username: string, password: string) =>
        (await withGroups().authenticate(username, password))?.groups;
      await expect(groups('alice', alice.password)).resolves.toEqual([
        'mac-users',
      ]);
      await expect(groups('bob', bob.password)).resolves.toEqual([]);
      // The DN with `\,`, `\"` and `\+` must survive filter escaping.
      await expect(groups('jsmith', smith.password)).resolves.toEqual([
        'mac-users',
      ]);
      await expect(groups('carol', carol.password)).resolves.toEqual([
        'contractors',
      ]);
    });
  });

  describe('findLoginCandidate and checkPassword', () => {
    it('finds the one entry of a look-alike spelling without binding as it', async () => {
      const bind = jest.spyOn(Client.prototype, 'bind');
      for (const spelling of ['ｂob', 'BOB', 'ⓑob']) {
        await expect(
          directory().findLoginCandidate(spelling),
        ).resolves.toMatchObject({
          dn: bob.dn,
          fields: { username: 'bob', realName: 'Bob Baker' },
        });
      }
      expect(bind.mock.calls.map(call => call[0])).toEqual([
        slapd.bindDn,
        slapd.bindDn,
        slapd.bindDn,
      ]);
      await expect(
        directory().findLoginCandidate('mallory'),
      ).resolves.toBeUndefined();
      await expect(
        directory().findLoginCandidate('*'),
      ).resolves.toBeUndefined();
    });

    it('checks the password of a candidate and reads its groups', async () => {
      const candidate = (await withGroups().findLoginCandidate('alice'))!;
      await expect(
        withGroups().checkPassword(candidate, 'wrong'),
      ).resolves.toBeUndefined();
      await expect(
        withGroups().checkPassword(candidate, alice.password),
      ).resolves.toMatchObject({
        dn: alice.dn,
        fields: { username: 'alice' },
        groups: ['mac-users'],
      });
    });

    it('checks a right and a wrong password with the same one bind, the groups read before', async () => {
      const directoryWithGroups = withGroups();
      const candidate = (await directoryWithGroups.findLoginCandidate(
        'alice',
      ))!;
      expect(candidate.groups).toEqual(['mac-users']);
      const bind = jest.spyOn(Client.prototype, 'bind');
      await directoryWithGroups.checkPassword(candidate, alice.password);
      const afterRight = bind.mock.calls.map(call => call[0]);
      bind.mockClear();
      await directoryWithGroups.checkPassword(candidate, 'wrong');
      const afterWrong = bind.mock.calls.map(call => call[0]);
      expect(afterRight).toEqual([alice.dn]);
      expect(afterWrong).toEqual([alice.dn]);
    });

    it('refuses an empty password before any bind', async () => {
      const candidate = (await directory().findLoginCandidate('alice'))!;
      const bind = jest.spyOn(Client.prototype, 'bind');
      await expect(
        directory().checkPassword(candidate, ''),
      ).resolves.toBeUndefined();
      expect(bind).not.toHaveBeenCalled();
    });
  });

  describe('findUsers', () => {
    const uids = (users: Array<{ fields: { username?: string } }>) =>
      users.map(user => user.fields.username).sort();

    it('finds people by part of username, name or email', async () => {
      const found = await directory().findUsers('ali');
      expect(uids(found)).toEqual(['alice']);
      expect(found[0]).toEqual({
        dn: alice.dn,
        fields: expect.objectContaining({ realName: 'Alice Archer' }),
        groups: [],
      });
      expect(uids(await directory().findUsers('Smith'))).toEqual(['jsmith']);
      expect(uids(await directory().findUsers('BAKER'))).toEqual(['bob']);
      expect(uids(await directory().findUsers('contractor.example'))).toEqual([
        'carol',
      ]);
      expect(uids(await directory().findUsers('example.com'))).toEqual([
        'alice',
        'bob',
        'jsmith',
      ]);
      expect(uids(await peopleOnly().findUsers('Clark'))).toEqual([]);
    });

    it('searches nothing below 2 characters', async () => {
      const search = jest.spyOn(Client.prototype, 'search');
      await expect(directory().findUsers('a')).resolves.toEqual([]);
      await expect(directory().findUsers('  a  ')).resolves.toEqual([]);
      await expect(directory().findUsers('')).resolves.toEqual([]);
      expect(search).not.toHaveBeenCalled();
    });

    it.each([['*'], ['**'], ['*)(uid=*'], ['a*e'], ['Zoë'], ['(\\)']])(
      'treats %j literally and finds nobody',
      async query => {
        await expect(directory().findUsers(query)).resolves.toEqual([]);
      },
    );

    it('returns no more than the limit', async () => {
      const all = await directory().findUsers('example');
      expect(all).toHaveLength(4);
      await expect(directory().findUsers('example', 2)).resolves.toHaveLength(
        2,
      );
      await expect(directory().findUsers('example', 1)).resolves.toHaveLength(
        1,
      );
      await expect(directory().findUsers('example', 0)).resolves.toEqual([]);
    });
  });

  describe('getUser', () => {
    it('looks a user up by exact username', async () => {
      await expect(directory().getUser('bob')).resolves.toEqual({
        dn: bob.dn,
        fields: {
          username: 'bob',
          realName: 'Bob Baker',
          email: 'bob@example.com',
          department: 'Finance',
          building: 'HQ',
          room: '202',
          phone: '+1 555 0202',
          position: 'Accountant',
        },
        groups: [],
      });
      expect((await withGroups().getUser('alice'))?.groups).toEqual([
        'mac-users',
      ]);
    });

    it('finds nobody for unknown, partial or wildcard usernames', async () => {
      for (const username of ['nobody', 'ali', '*', 'a*', '']) {
        await expect(directory().getUser(username)).resolves.toBeUndefined();
      }
    });
  });

  describe('failures', () => {
    it('says so when the reader’s password is wrong', async () => {
      const reader = directory({ bindPassword: 'not-the-reader-secret' });
      const failure = reader.authenticate('alice', alice.password);
      await expect(failure).rejects.toThrow(ServiceUnavailableError);
      await expect(failure).rejects.toThrow(
        /refused the bind as enrollment\.ldap\.bindDn "cn=reader,dc=example,dc=com"; check bindDn and bindPassword/,
      );
      const message = await failure.catch((e: Error) => e.message);
      expect(message).not.toContain('not-the-reader-secret');
      expect(message).not.toContain(alice.password);
      await expect(reader.findUsers('alice')).rejects.toThrow(
        ServiceUnavailableError,
      );
      await expect(reader.getUser('alice')).rejects.toThrow(
        ServiceUnavailableError,
      );
    });

    it('says so when anonymous searches are not allowed', async () => {
      const anonymous = directory({
        bindDn: undefined,
        bindPassword: undefined,
      });
      await expect(
        anonymous.authenticate('alice', alice.password),
      ).rejects.toThrow(/refused the user search under/);
    });

    it('says so when the server has no StartTLS', async () => {
      await expect(
        directory({ starttls: true }).authenticate('alice', alice.password),
      ).rejects.toThrow(/refused StartTLS/);
    });
  });
});

describe('LdapDirectory without a directory', () => {
  function directory(url: string): LdapDirectory {
    return LdapDirectory.fromConfig(
      new ConfigReader({
        enrollment: {
          ldap: {
            url,
            bindDn: 'cn=reader,dc=example,dc=com',
            bindPassword: 'reader-secret',
            timeoutMs: 1000,
            users: { baseDn: 'dc=example,dc=com' },
          },
        },
      }),
    )!;
  }

  it('is undefined when LDAP is not configured', () => {
    expect(LdapDirectory.fromConfig(new ConfigReader({}))).toBeUndefined();
  });

  it('rejects quickly when nothing listens', async () => {
    const started = Date.now();
    const failure = directory('ldap://127.0.0.1:1').authenticate(
      'alice',
      'alice-pass',
    );
    await expect(failure).rejects.toThrow(ServiceUnavailableError);
    await expect(failure).rejects.toThrow(
      /^The LDAP directory ldap:\/\/127\.0\.0\.1:1 could not be reached/,
    );
    const message = await failure.catch((e: Error) => e.message);
    expect(message).not.toMatch(/alice-pass|reader-secret/);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  describe('when the server accepts but never answers', () => {
    let server: Server;
    const sockets = new Set<Socket>();
    beforeAll(async () => {
      server = createServer(socket => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>(resolve =>
        server.listen(0, '127.0.0.1', resolve),
      );
    });
    afterAll(async () => {
      sockets.forEach(socket => socket.destroy());
      await new Promise(resolve => server.close(resolve));
    });

    it('times out after timeoutMs', async () => {
      const { port } = server.address() as { port: number };
      const started = Date.now();
      await expect(
        directory(`ldap://127.0.0.1:${port}`).findUsers('alice'),
      ).rejects.toThrow(/could not be reached/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('closes the connections it gave up on, and tries anew each time', async () => {
      const { port } = server.address() as { port: number };
      const unanswering = directory(`ldap://127.0.0.1:${port}`);
      const closed: Array<Promise<void>> = [];
      const accepted = (socket: Socket) => {
        // Read what comes, so that the client's closing is seen.
        socket.resume();
        closed.push(
          new Promise(resolve => socket.once('close', () => resolve())),
        );
      };
      server.on('connection', accepted);
      try {
        for (let i = 0; i < 2; i += 1) {
          await expect(
            unanswering.authenticate('alice', 'alice-pass'),
          ).rejects.toThrow(/could not be reached/);
        }
        // One connection per try: no broken connection is kept for the next.
        expect(closed).toHaveLength(2);
        await Promise.all(closed);
      } finally {
        server.off('connection', accepted);
      }
    });
  });
});
