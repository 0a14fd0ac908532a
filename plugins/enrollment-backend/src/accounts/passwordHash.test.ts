import { randomBytes, scryptSync } from 'node:crypto';
import { InputError } from '@backstage/errors';
import {
  DUMMY_HASH,
  hashPassword,
  isPasswordHash,
  MAX_PASSWORD_LENGTH,
  needsRehash,
  verifyAgainstDummy,
  verifyPassword,
} from './passwordHash';

/** The documented format, built without the module under test. */
function referenceHash(
  password: string,
  params = { N: 16384, r: 8, p: 1 },
  keyBytes = 32,
): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, keyBytes, params);
  const { N, r, p } = params;
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString(
    'base64',
  )}`;
}

describe('passwordHash', () => {
  it('round-trips and refuses a wrong password', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(
      /^scrypt\$16384\$8\$5\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/,
    );
    await expect(
      verifyPassword('correct horse battery staple', stored),
    ).resolves.toBe(true);
    await expect(
      verifyPassword('correct horse battery stapl', stored),
    ).resolves.toBe(false);
    await expect(
      verifyPassword('Correct horse battery staple', stored),
    ).resolves.toBe(false);
  });

  it('uses a fresh salt each time', async () => {
    const [a, b] = await Promise.all([
      hashPassword('same'),
      hashPassword('same'),
    ]);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    await expect(verifyPassword('same', a)).resolves.toBe(true);
    await expect(verifyPassword('same', b)).resolves.toBe(true);
  });

  it('handles non-ASCII passwords as UTF-8', async () => {
    const stored = await hashPassword('pässwörd 🔑');
    await expect(verifyPassword('pässwörd 🔑', stored)).resolves.toBe(true);
    expect(stored === referenceHash('pässwörd 🔑')).toBe(false); // salted
    await expect(
      verifyPassword('pässwörd 🔑', referenceHash('pässwörd 🔑')),
    ).resolves.toBe(true);
  });

  it('verifies a hash built directly with crypto.scryptSync (the format)', async () => {
    await expect(
      verifyPassword('s3cret!', referenceHash('s3cret!')),
    ).resolves.toBe(true);
    await expect(
      verifyPassword('other', referenceHash('s3cret!')),
    ).resolves.toBe(false);
  });

  it('recomputes with the parameters stored in the hash', async () => {
    const stored = referenceHash('s3cret!', { N: 1024, r: 4, p: 2 }, 64);
    await expect(verifyPassword('s3cret!', stored)).resolves.toBe(true);
    expect(isPasswordHash(stored)).toBe(true);
  });

  it('refuses a tampered hash', async () => {
    const stored = await hashPassword('s3cret!');
    const parts = stored.split('$');
    const key = Buffer.from(parts[5], 'base64');
    key[0] ^= 1;
    const flippedKey = [...parts.slice(0, 5), key.toString('base64')].join('$');
    const otherN = ['scrypt', '8192', ...parts.slice(2)].join('$');
    const otherSalt = [
      ...parts.slice(0, 4),
      randomBytes(16).toString('base64'),
      parts[5],
    ].join('$');
    for (const tampered of [flippedKey, otherN, otherSalt]) {
      await expect(verifyPassword('s3cret!', tampered)).resolves.toBe(false);
    }
  });

  const salt = randomBytes(16).toString('base64');
  const key = randomBytes(32).toString('base64');
  const malformed: Array<[string, string]> = [
    ['empty', ''],
    ['only the scheme', 'scrypt$'],
    ['another scheme', `bcrypt$16384$8$1$${salt}$${key}`],
    [
      'a bcrypt hash',
      '$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW',
    ],
    ['missing key', `scrypt$16384$8$1$${salt}`],
    ['an extra field', `scrypt$16384$8$1$${salt}$${key}$x`],
    ['huge N (memory DoS)', `scrypt$1073741824$8$1$${salt}$${key}`],
    ['N above 2^20', `scrypt$2097152$1$1$${salt}$${key}`],
    ['N too large for r=1', `scrypt$1048576$1$1$${salt}$${key}`],
    ['N over the memory cap', `scrypt$1048576$8$1$${salt}$${key}`],
    ['N not a power of two', `scrypt$10000$8$1$${salt}$${key}`],
    ['N = 1', `scrypt$1$8$1$${salt}$${key}`],
    ['r = 0', `scrypt$16384$0$1$${salt}$${key}`],
    ['r too large', `scrypt$16$1000$1$${salt}$${key}`],
    ['p too large', `scrypt$16384$8$1000$${salt}$${key}`],
    ['negative p', `scrypt$16384$8$-1$${salt}$${key}`],
    ['leading zero', `scrypt$016384$8$1$${salt}$${key}`],
    ['fractional N', `scrypt$16384.0$8$1$${salt}$${key}`],
    ['non-base64 salt', `scrypt$16384$8$1$not*base64$${key}`],
    [
      'non-canonical base64',
      `scrypt$16384$8$1$${salt.replace(/=+$/, '')}$${key}`,
    ],
    [
      'short salt',
      `scrypt$16384$8$1$${randomBytes(4).toString('base64')}$${key}`,
    ],
    [
      'short key',
      `scrypt$16384$8$1$${salt}$${randomBytes(4).toString('base64')}`,
    ],
  ];

  it.each(malformed)(
    'returns false for a malformed hash: %s',
    async (_name, stored) => {
      await expect(verifyPassword('s3cret!', stored)).resolves.toBe(false);
      expect(isPasswordHash(stored)).toBe(false);
    },
  );

  it('never throws on input of the wrong type', async () => {
    const stored = await hashPassword('s3cret!');
    const notAString = undefined as unknown as string;
    await expect(verifyPassword(notAString, stored)).resolves.toBe(false);
    await expect(verifyPassword('s3cret!', notAString)).resolves.toBe(false);
    expect(isPasswordHash(notAString)).toBe(false);
  });

  it(`accepts passwords up to ${MAX_PASSWORD_LENGTH} characters`, async () => {
    const longest = 'x'.repeat(MAX_PASSWORD_LENGTH);
    const stored = await hashPassword(longest);
    await expect(verifyPassword(longest, stored)).resolves.toBe(true);

    const tooLong = `${longest}x`;
    await expect(hashPassword(tooLong)).rejects.toThrow(InputError);
    await expect(hashPassword(tooLong)).rejects.toThrow(
      /at most 1024 characters/,
    );
    await expect(verifyPassword(tooLong, referenceHash(tooLong))).resolves.toBe(
      false,
    );
  });

  it('refuses to hash an empty password', async () => {
    await expect(hashPassword('')).rejects.toThrow(InputError);
    await expect(verifyPassword('', referenceHash(''))).resolves.toBe(false);
  });

  it('recognises hashes by shape', async () => {
    expect(isPasswordHash(await hashPassword('s3cret!'))).toBe(true);
    expect(isPasswordHash(referenceHash('s3cret!'))).toBe(true);
    expect(isPasswordHash(DUMMY_HASH)).toBe(true);
    expect(isPasswordHash('s3cret!')).toBe(false);
    expect(isPasswordHash(`scrypt$16384$8$1$${salt}$${key} `)).toBe(false);
  });

  it('has a dummy hash that costs what a real one does and matches nothing', async () => {
    // Same parameters as hashPassword, hence the same time per check.
    expect(DUMMY_HASH.split('$').slice(0, 4)).toEqual(
      (await hashPassword('x')).split('$').slice(0, 4),
    );
    expect(needsRehash(DUMMY_HASH)).toBe(false);
    await expect(verifyAgainstDummy('s3cret!')).resolves.toBe(false);
    await expect(verifyAgainstDummy('')).resolves.toBe(false);
  });

  it("makes hashes with OWASP's N=2^14, r=8, p=5 and still verifies the older N=2^14, r=8, p=1", async () => {
    const stored = await hashPassword('s3cret!');
    expect(stored.split('$').slice(1, 4)).toEqual(['16384', '8', '5']);
    const old = referenceHash('s3cret!');
    expect(old.split('$').slice(1, 4)).toEqual(['16384', '8', '1']);
    await expect(verifyPassword('s3cret!', old)).resolves.toBe(true);
  });

  it('asks for a new hash when the stored one does less work or uses less memory', async () => {
    expect(needsRehash(await hashPassword('s3cret!'))).toBe(false);
    // The hashes of before: a fifth of the work.
    expect(needsRehash(referenceHash('s3cret!'))).toBe(true);
    // As much work, less memory.
    expect(needsRehash(referenceHash('x', { N: 8192, r: 8, p: 10 }))).toBe(
      true,
    );
    // A shorter key.
    expect(needsRehash(referenceHash('x', { N: 16384, r: 8, p: 5 }, 16))).toBe(
      true,
    );
    // Stronger in both: kept (OWASP's 128 MiB setting, made elsewhere;
    // only the parameters are read, so random bytes stand in for the key).
    expect(needsRehash(`scrypt$131072$8$1$${salt}$${key}`)).toBe(false);
    // Not a hash at all: nothing to upgrade.
    expect(needsRehash('not a hash')).toBe(false);
  });
});
