import { Client, InvalidCredentialsError, NoSuchObjectError } from 'ldapts';
import { RunningSlapd, startSlapd } from './slapd';

jest.setTimeout(30_000);

describe('startSlapd', () => {
  let slapd: RunningSlapd;
  beforeAll(async () => {
    slapd = await startSlapd();
  });
  afterAll(() => slapd?.stop());

  const client = () => new Client({ url: slapd.url, timeout: 5000 });

  it('serves the seeded people to the reader, across both OUs', async () => {
    const ldap = client();
    try {
      await ldap.bind(slapd.bindDn, slapd.bindPassword);
      const { searchEntries } = await ldap.search(slapd.baseDn, {
        scope: 'sub',
        filter: '(objectClass=inetOrgPerson)',
        attributes: [
          'uid',
          'cn',
          'mail',
          'departmentNumber',
          'buildingName',
          'roomNumber',
          'telephoneNumber',
          'title',
        ],
      });
      expect(searchEntries.map(e => e.uid).sort()).toEqual([
        'alice',
        'bob',
        'carol',
        'jsmith',
      ]);
      const carol = searchEntries.find(e => e.uid === 'carol')!;
      expect(carol.dn).toBe('uid=carol,ou=contractors,dc=example,dc=com');
      expect(carol).toMatchObject({
        cn: 'Carol Clark',
        mail: 'carol@contractor.example.net',
        departmentNumber: 'Design',
        buildingName: 'Annex',
        roomNumber: '7',
        telephoneNumber: '+1 555 0707',
        title: 'Contract Designer',
      });
    } finally {
      await ldap.unbind();
    }
  });

  it('has a person whose DN needs escaping, who can bind with it', async () => {
    const ldap = client();
    try {
      await ldap.bind(slapd.bindDn, slapd.bindPassword);
      const { searchEntries } = await ldap.search(slapd.baseDn, {
        scope: 'sub',
        filter: '(uid=jsmith)',
        attributes: ['cn'],
      });
      expect(searchEntries).toHaveLength(1);
      expect(searchEntries[0].cn).toBe('Smith, John "JJ" + Co');
      await ldap.bind(searchEntries[0].dn, slapd.people.smith.password);
    } finally {
      await ldap.unbind();
    }
  });

  it('checks passwords', async () => {
    const ldap = client();
    try {
      await ldap.bind(slapd.people.alice.dn, slapd.people.alice.password);
      await expect(ldap.bind(slapd.people.alice.dn, 'wrong')).rejects.toThrow(
        InvalidCredentialsError,
      );
    } finally {
      await ldap.unbind();
    }
  });

  it('lets anonymous callers see nothing', async () => {
    const ldap = client();
    try {
      // Not even the base entry is visible without the reader's bind.
      await expect(
        ldap.search(slapd.baseDn, { scope: 'sub', filter: '(uid=*)' }),
      ).rejects.toThrow(NoSuchObjectError);
    } finally {
      await ldap.unbind();
    }
  });

  it('has groups for restricting who may enroll', async () => {
    const ldap = client();
    try {
      await ldap.bind(slapd.bindDn, slapd.bindPassword);
      const { searchEntries } = await ldap.search(`ou=groups,${slapd.baseDn}`, {
        filter: '(cn=mac-users)',
        attributes: ['member'],
      });
      expect(searchEntries[0].member).toEqual([
        slapd.people.alice.dn,
        slapd.people.smith.dn,
      ]);
    } finally {
      await ldap.unbind();
    }
  });
});
