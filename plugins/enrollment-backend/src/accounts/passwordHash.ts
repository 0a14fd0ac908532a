import {
  randomBytes,
  scrypt,
  ScryptOptions,
  timingSafeEqual,
} from 'node:crypto';
import { promisify } from 'node:util';
import { InputError } from '@backstage/errors';

/**
 * Password hashes for local portal accounts, with scrypt from node:crypto so
 * no native dependency is needed. The stored form describes itself, so the
 * cost can be raised later without breaking existing hashes:
 *
 *   scrypt$<N>$<r>$<p>$<salt, base64>$<derived key, base64>
 *
 * e.g. `scrypt$16384$8$5$...` is scrypt(utf8(password), salt, 32 bytes,
 * { N: 16384, r: 8, p: 5 }), the same as Node's `crypto.scryptSync`.
 * Hashes made before (`scrypt$16384$8$1$...`) still verify; see needsRehash.
 */

/** Longer input is refused: scrypt's cost grows with it, for no benefit. */
export const MAX_PASSWORD_LENGTH = 1024;

// One of OWASP's current scrypt settings (Password Storage Cheat Sheet):
// N = 2^14, r = 8, p = 5. Its equal-strength sibling N = 2^17, r = 8, p = 1
// needs 128 MiB per check; this one keeps 16 MiB (128·N·r) and pays with
// five sequential passes instead. The login is public, so a burst of
// unauthenticated tries must not be able to claim gigabytes: with libuv's
// four threads, four checks at once stay at 64 MiB. It is also quicker on
// small machines, whose memory bandwidth the 128 MiB table saturates: one
// hash took ~150 ms here against ~690 ms for N = 2^17 (2 vCPUs, Node 20).
const DEFAULT_PARAMS = { N: 16384, r: 8, p: 5 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// scrypt needs about 128·N·r bytes; Node's default maxmem (32 MiB) is too
// tight to leave headroom, so state it.
const HASH_MAXMEM = 64 * 1024 * 1024;

// Bounds on stored parameters: a crafted hash (config, database) must not be
// able to make each login attempt burn gigabytes or seconds.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;
const MAX_MEMORY = 256 * 1024 * 1024;
// OpenSSL also counts 128·r·(p + 2) bytes besides the 128·N·r of the table.
const VERIFY_MAXMEM = MAX_MEMORY + 1024 * 1024;

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: ScryptOptions,
) => Promise<Buffer>;

/**
 * A hash of a random password nobody knows, with the default parameters, so
 * that checking it costs what checking a real account does.
 */
export const DUMMY_HASH =
  'scrypt$16384$8$5$T30wmWuHXfIyPdwchLR/Kg==$pL9I9dSWt1jZCRC/+VEnDUbxlKn1EKovtPykAKis588=';

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

export async function hashPassword(password: string): Promise<string> {
  if (typeof password !== 'string' || password.length === 0) {
    throw new InputError('The password must not be empty');
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new InputError(
      `The password is too long: at most ${MAX_PASSWORD_LENGTH} characters are allowed`,
    );
  }
  const { N, r, p } = DEFAULT_PARAMS;
  const salt = randomBytes(SALT_BYTES);
  const key = await scryptAsync(password, salt, KEY_BYTES, {
    N,
    r,
    p,
    maxmem: HASH_MAXMEM,
  });
  return [
    'scrypt',
    N,
    r,
    p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

/**
 * True when `password` matches `stored`. Never throws: a malformed or
 * out-of-bounds hash, or unusable input, is simply no match.
 */
export async function verifyPassword(
  password: string,
  stored: string,
): Promise<boolean> {
  if (
    typeof password !== 'string' ||
    password.length === 0 ||
    password.length > MAX_PASSWORD_LENGTH
  ) {
    return false;
  }
  const parsed = parseHash(stored);
  if (!parsed) return false;
  try {
    const key = await scryptAsync(password, parsed.salt, parsed.key.length, {
      N: parsed.N,
      r: parsed.r,
      p: parsed.p,
      maxmem: VERIFY_MAXMEM,
    });
    return timingSafeEqual(key, parsed.key);
  } catch {
    return false;
  }
}

/**
 * For a login with an unknown username: does the work of a real check and
 * answers false, so response times do not reveal which usernames exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(password, DUMMY_HASH);
  return false;
}

/**
 * Whether a stored hash is weaker than what hashPassword makes now: less
 * work (N·r·p), less memory (N·r) or a shorter key. Such a hash is replaced
 * at the account's next successful login, when the password is at hand.
 * A hash verifyPassword would not accept is not for re-hashing either.
 */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const { N, r, p } = DEFAULT_PARAMS;
  return (
    parsed.N * parsed.r * parsed.p < N * r * p ||
    parsed.N * parsed.r < N * r ||
    parsed.key.length < KEY_BYTES
  );
}

/** Whether `value` is a hash verifyPassword accepts (for config validation). */
export function isPasswordHash(value: string): boolean {
  return parseHash(value) !== undefined;
}

function parseHash(stored: unknown): ParsedHash | undefined {
  if (typeof stored !== 'string') return undefined;
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const N = parseInteger(parts[1]);
  const r = parseInteger(parts[2]);
  const p = parseInteger(parts[3]);
  const salt = parseBase64(parts[4]);
  const key = parseBase64(parts[5]);
  if (!N || !r || !p || !salt || !key) return undefined;

  // N must be a power of two above 1; OpenSSL also wants N < 2^(16·r).
  if (N < 2 || N > MAX_N || (N & (N - 1)) !== 0) return undefined;
  if (r > MAX_R || p > MAX_P || 128 * N * r > MAX_MEMORY) return undefined;
  if (r === 1 && N >= 2 ** 16) return undefined;
  if (salt.length < 16 || salt.length > 64) return undefined;
  if (key.length < 16 || key.length > 64) return undefined;
  return { N, r, p, salt, key };
}

function parseInteger(text: string): number | undefined {
  return /^[1-9]\d{0,9}$/.test(text) ? Number(text) : undefined;
}

// Buffer.from(…, 'base64') skips junk silently; insist on canonical base64.
function parseBase64(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}
