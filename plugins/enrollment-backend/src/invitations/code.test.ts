import { randomBytes } from 'node:crypto';
import { hashInvitationCode, InvitationCodes } from './code';

describe('InvitationCodes', () => {
  const codes = new InvitationCodes(randomBytes(32));

  it('derives the same 256-bit URL-safe code from id and nonce', () => {
    const nonce = codes.newNonce();
    const code = codes.codeFor('id-1', nonce);
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(codes.codeFor('id-1', nonce)).toBe(code);
    expect(codes.codeFor('id-2', nonce)).not.toBe(code);
    expect(codes.codeFor('id-1', codes.newNonce())).not.toBe(code);
  });

  it("gives each recipient a code of their own, whatever the address's case", () => {
    const nonce = codes.newNonce();
    const alice = codes.codeFor('id-1', nonce, 'alice@example.com');
    expect(alice).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(codes.codeFor('id-1', nonce, 'Alice@Example.com')).toBe(alice);
    expect(codes.codeFor('id-1', nonce, 'bob@example.com')).not.toBe(alice);
    expect(codes.codeFor('id-1', nonce)).not.toBe(alice);
  });

  it('needs the secret: another secret gives another code', () => {
    const other = new InvitationCodes(randomBytes(32));
    expect(other.codeFor('id-1', 'n')).not.toBe(codes.codeFor('id-1', 'n'));
  });

  it('hashes codes for storage', () => {
    expect(hashInvitationCode('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('refuses a short secret', () => {
    expect(() => new InvitationCodes(randomBytes(8))).toThrow(/256 bits/);
  });
});
