/** A person in the seeded directory, with the password to log in as them. */
export interface SeedPerson {
  dn: string;
  uid: string;
  password: string;
  cn: string;
  mail: string;
  departmentNumber: string;
  buildingName: string;
  roomNumber: string;
  telephoneNumber: string;
  title: string;
}

export const BASE_DN = 'dc=example,dc=com';
export const READER_DN = `cn=reader,${BASE_DN}`;
export const READER_PASSWORD = 'reader-secret';

/** The seeded people: two in ou=people, one in ou=contractors, one whose DN needs escaping. */
export const SEED_PEOPLE: Record<
  'alice' | 'bob' | 'carol' | 'smith',
  SeedPerson
> = {
  alice: {
    dn: `uid=alice,ou=people,${BASE_DN}`,
    uid: 'alice',
    password: 'alice-pass',
    cn: 'Alice Archer',
    mail: 'alice@example.com',
    departmentNumber: 'Engineering',
    buildingName: 'HQ',
    roomNumber: '101',
    telephoneNumber: '+1 555 0101',
    title: 'Engineer',
  },
  bob: {
    dn: `uid=bob,ou=people,${BASE_DN}`,
    uid: 'bob',
    password: 'bob-pass',
    cn: 'Bob Baker',
    mail: 'bob@example.com',
    departmentNumber: 'Finance',
    buildingName: 'HQ',
    roomNumber: '202',
    telephoneNumber: '+1 555 0202',
    title: 'Accountant',
  },
  carol: {
    dn: `uid=carol,ou=contractors,${BASE_DN}`,
    uid: 'carol',
    password: 'carol-pass',
    cn: 'Carol Clark',
    mail: 'carol@contractor.example.net',
    departmentNumber: 'Design',
    buildingName: 'Annex',
    roomNumber: '7',
    telephoneNumber: '+1 555 0707',
    title: 'Contract Designer',
  },
  // RFC 4514: the comma, plus and quotes in the RDN value must be escaped.
  smith: {
    dn: `cn=Smith\\, John \\"JJ\\" \\+ Co,ou=people,${BASE_DN}`,
    uid: 'jsmith',
    password: 'smith-pass',
    cn: 'Smith, John "JJ" + Co',
    mail: 'john.smith@example.com',
    departmentNumber: 'Sales',
    buildingName: 'HQ',
    roomNumber: '303',
    telephoneNumber: '+1 555 0303',
    title: 'Account Manager',
  },
};

/** Group names and their member keys. */
export const SEED_GROUPS = {
  'mac-users': ['alice', 'smith'],
  contractors: ['carol'],
} as const;

function personLdif(p: SeedPerson): string {
  const sn = p.cn.split(/[ ,]+/)[1] ?? p.cn;
  return [
    `dn: ${p.dn}`,
    'objectClass: inetOrgPerson',
    'objectClass: extensibleObject',
    `uid: ${p.uid}`,
    `cn: ${p.cn}`,
    `sn: ${sn}`,
    `mail: ${p.mail}`,
    `departmentNumber: ${p.departmentNumber}`,
    `buildingName: ${p.buildingName}`,
    `roomNumber: ${p.roomNumber}`,
    `telephoneNumber: ${p.telephoneNumber}`,
    `title: ${p.title}`,
    `userPassword: ${p.password}`,
    '',
  ].join('\n');
}

/** The LDIF that slapadd loads before slapd starts. */
export function seedLdif(): string {
  const entries = [
    `dn: ${BASE_DN}\nobjectClass: dcObject\nobjectClass: organization\ndc: example\no: Example Corp\n`,
    `dn: ${READER_DN}\nobjectClass: organizationalRole\nobjectClass: simpleSecurityObject\ncn: reader\nuserPassword: ${READER_PASSWORD}\n`,
    `dn: ou=people,${BASE_DN}\nobjectClass: organizationalUnit\nou: people\n`,
    `dn: ou=contractors,${BASE_DN}\nobjectClass: organizationalUnit\nou: contractors\n`,
    `dn: ou=groups,${BASE_DN}\nobjectClass: organizationalUnit\nou: groups\n`,
    ...Object.values(SEED_PEOPLE).map(personLdif),
    ...Object.entries(SEED_GROUPS).map(
      ([name, members]) =>
        `dn: cn=${name},ou=groups,${BASE_DN}\nobjectClass: groupOfNames\ncn: ${name}\n${members
          .map(m => `member: ${SEED_PEOPLE[m].dn}`)
          .join('\n')}\n`,
    ),
  ];
  return entries.join('\n');
}
