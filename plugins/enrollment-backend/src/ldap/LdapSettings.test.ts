import { inspect } from 'node:util';
import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readLdapSettings } from './LdapSettings';

const minimal = {
  url: 'ldap://ldap.example.com',
  users: { baseDn: 'dc=example,dc=com' },
};

function read(ldap: object) {
  return readLdapSettings(new ConfigReader({ enrollment: { ldap } }));
}

describe('readLdapSettings', () => {
  it('is undefined when enrollment.ldap is absent', () => {
    expect(readLdapSettings(new ConfigReader({}))).toBeUndefined();
    expect(
      readLdapSettings(new ConfigReader({ enrollment: { organization: 'A' } })),
    ).toBeUndefined();
  });

  it('fills the defaults', () => {
    expect(read(minimal)).toEqual({
      url: 'ldap://ldap.example.com',
      starttls: false,
      timeoutMs: 5000,
      users: { baseDn: 'dc=example,dc=com', filter: '(uid={username})' },
      mapping: {
        username: 'uid',
        realName: 'cn',
        email: 'mail',
        department: 'departmentNumber',
        building: 'buildingName',
        room: 'roomNumber',
        phone: 'telephoneNumber',
        position: 'title',
      },
    });
  });

  it('reads every key', () => {
    const settings = read({
      url: 'ldap://ldap.example.com:3389',
      starttls: true,
      bindDn: 'cn=reader,dc=example,dc=com',
      bindPassword: 'reader-secret',
      timeoutMs: 1500,
      tls: { ca: '-----BEGIN CERTIFICATE-----' },
      users: {
        baseDn: 'ou=people,dc=example,dc=com',
        filter: '(&(objectClass=person)(sAMAccountName={username}))',
      },
      mapping: { username: 'sAMAccountName', phone: 'mobile' },
      groups: { baseDn: 'ou=groups,dc=example,dc=com' },
    })!;
    expect(settings).toMatchObject({
      url: 'ldap://ldap.example.com:3389',
      starttls: true,
      bindDn: 'cn=reader,dc=example,dc=com',
      timeoutMs: 1500,
      tlsCaPem: '-----BEGIN CERTIFICATE-----',
      users: {
        baseDn: 'ou=people,dc=example,dc=com',
        filter: '(&(objectClass=person)(sAMAccountName={username}))',
      },
      groups: {
        baseDn: 'ou=groups,dc=example,dc=com',
        filter: '(&(objectClass=groupOfNames)(member={dn}))',
        nameAttribute: 'cn',
      },
    });
    expect(settings.mapping.username).toBe('sAMAccountName');
    expect(settings.mapping.phone).toBe('mobile');
    expect(settings.mapping.realName).toBe('cn');
    expect(settings.bindPassword).toBe('reader-secret');
  });

  it('keeps the bind password out of logs and serialization', () => {
    const settings = read({
      ...minimal,
      bindDn: 'cn=reader,dc=example,dc=com',
      bindPassword: 'reader-secret',
    })!;
    expect(settings.bindPassword).toBe('reader-secret');
    expect(JSON.stringify(settings)).not.toContain('reader-secret');
    expect(inspect(settings, { depth: 5 })).not.toContain('reader-secret');
    expect(Object.keys(settings)).not.toContain('bindPassword');
  });

  it.each([
    ['ldap.example.com'],
    ['http://ldap.example.com'],
    ['ldapi:///var/run/slapd.sock'],
    ['ldap://'],
  ])('refuses the url %j', url => {
    expect(() => read({ ...minimal, url })).toThrow(InputError);
    expect(() => read({ ...minimal, url })).toThrow(
      /enrollment\.ldap\.url must be an ldap:\/\/ or ldaps:\/\/ URL/,
    );
  });

  it('takes ldaps:// and upper-case schemes', () => {
    expect(read({ ...minimal, url: 'ldaps://h:636' })?.url).toBe(
      'ldaps://h:636',
    );
    expect(read({ ...minimal, url: 'LDAP://h' })?.url).toBe('LDAP://h');
  });

  it('refuses a user filter without {username}', () => {
    expect(() =>
      read({ ...minimal, users: { ...minimal.users, filter: '(uid=alice)' } }),
    ).toThrow(/users\.filter must contain \{username\}/);
  });

  it.each([['uid={username}'], ['(uid={username}'], ['(uid={username}))']])(
    'refuses the malformed user filter %j',
    filter => {
      expect(() =>
        read({ ...minimal, users: { ...minimal.users, filter } }),
      ).toThrow(/users\.filter is not a valid LDAP filter/);
    },
  );

  it('refuses a group filter without {dn}', () => {
    expect(() =>
      read({
        ...minimal,
        groups: { baseDn: 'ou=groups', filter: '(objectClass=groupOfNames)' },
      }),
    ).toThrow(/groups\.filter must contain \{dn\}/);
  });

  it('refuses StartTLS on ldaps://', () => {
    expect(() =>
      read({ ...minimal, url: 'ldaps://h', starttls: true }),
    ).toThrow(/starttls applies to ldap:\/\/ URLs only/);
  });

  it('refuses a bind DN without a password, and the reverse', () => {
    expect(() => read({ ...minimal, bindDn: 'cn=reader' })).toThrow(
      /bindPassword is required/,
    );
    expect(() => read({ ...minimal, bindPassword: 'x' })).toThrow(
      /bindDn is not/,
    );
  });

  it('refuses mapped attribute names that could change a filter', () => {
    expect(() =>
      read({ ...minimal, mapping: { email: 'mail)(uid=*' } }),
    ).toThrow(/mapping\.email must be an attribute name/);
    expect(() =>
      read({ ...minimal, groups: { baseDn: 'o=x', nameAttribute: 'c n' } }),
    ).toThrow(/groups\.nameAttribute must be an attribute name/);
  });

  it('refuses a timeout that is not positive', () => {
    expect(() => read({ ...minimal, timeoutMs: 0 })).toThrow(/timeoutMs/);
  });

  it('reads the timeout as a HumanDuration, and refuses it next to timeoutMs', () => {
    expect(read({ ...minimal, timeout: { seconds: 2 } })?.timeoutMs).toBe(2000);
    expect(read({ ...minimal, timeout: 'PT1.5S' })?.timeoutMs).toBe(1500);
    expect(() =>
      read({ ...minimal, timeoutMs: 1500, timeout: 'PT1.5S' }),
    ).toThrow(
      'enrollment.ldap.timeoutMs and enrollment.ldap.timeout are both set; set only one of them',
    );
    expect(() => read({ ...minimal, timeout: { seconds: 0 } })).toThrow(
      /enrollment\.ldap\.timeout \(in milliseconds\) must be a positive/,
    );
  });
});
