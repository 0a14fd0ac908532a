import fc from 'fast-check';
import forge from 'node-forge';
import { checkCsrSignature } from '../pki/csrSignature';
import { RSA_KEY_BOUNDS } from '../pki/rsaKeyBounds';
import { csrWithRsaKeyOfSize } from './__testUtils__/hostileCsr';
import { makeCsr, makeRequester } from './__testUtils__/requester';
import { CsrResult, readCsr } from './readCsr';
import { FAIL_INFO } from './scepConstants';
import { cpuNow } from '../__testUtils__/cpuClock';
import { mutate, mutation } from '../__testUtils__/derMutations';

// Bad input, explored by machine: readCsr runs on what a requester encrypted
// to the CA, after the PKIMessage's signature checked out, so any throw here
// is a 500. Whatever the bytes, it answers a CSR or the problem to put in a
// FAILURE CertRep, quickly, and never runs RSA with an oversized key.

const { asn1 } = forge;

/** readCsr's answer, which must come without a throw and within budget. */
function readQuickly(der: Buffer, budgetMs = 100): CsrResult {
  const started = cpuNow();
  const result = readCsr(der);
  expect(cpuNow() - started).toBeLessThan(budgetMs);
  // Either a usable CSR or why not, never both nor neither.
  expect(result.csr === undefined).toBe(result.problem !== undefined);
  if (result.problem) {
    expect(Object.keys(FAIL_INFO)).toContain(result.problem.failInfo);
    expect(typeof result.problem.reason).toBe('string');
  }
  if (result.challengePassword !== undefined) {
    expect(typeof result.challengePassword).toBe('string');
  }
  return result;
}

describe('readCsr (property)', () => {
  const requester = makeRequester();
  const VALID = [
    makeCsr(requester, { challenge: 'secret-challenge' }),
    makeCsr(requester),
    makeCsr(requester, {
      challenge: 'pässwörd',
      challengeType: asn1.Type.UTF8,
    }),
  ];

  beforeAll(() => {
    for (const der of VALID) readCsr(der);
  });

  it('reads the valid CSRs', () => {
    for (const der of VALID) expect(readQuickly(der).problem).toBeUndefined();
  });

  it('answers random bytes with a problem', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1024 }), bytes => {
        expect(readQuickly(Buffer.from(bytes)).problem).toBeDefined();
      }),
      { numRuns: 200 },
    );
  });

  it('answers mutated CSRs with a CSR or a problem', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (der, mutations) => {
          readQuickly(mutate(der, mutations));
        },
      ),
      { numRuns: 300 },
    );
  });

  // The requester signs its own CSR: every challengePassword encoding a
  // client may choose, with any bytes, comes with a valid signature.
  it('reads validly signed CSRs with any challengePassword encoding', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          asn1.Type.PRINTABLESTRING,
          asn1.Type.IA5STRING,
          asn1.Type.UTF8,
          asn1.Type.BMPSTRING,
          20, // TeletexString
          asn1.Type.OCTETSTRING,
          asn1.Type.INTEGER,
          asn1.Type.NULL,
        ),
        fc.string({ maxLength: 64, unit: 'binary' }),
        (type, challenge) => {
          const result = readQuickly(
            makeCsr(requester, {
              challenge: Buffer.from(challenge, 'utf8').toString('binary'),
              challengeType: type,
            }),
          );
          expect(result.csr).toBeDefined();
        },
      ),
      {
        numRuns: 100,
        // Found by this property: an odd-length BMPString threw a
        // RangeError from Buffer#swap16 (a 500 after a valid signature).
        examples: [
          [asn1.Type.BMPSTRING, 'a'],
          [asn1.Type.BMPSTRING, 'abc'],
        ],
      },
    );
  });

  it('reads an odd-length BMPString challengePassword as no challenge', () => {
    const result = readQuickly(
      makeCsr(requester, {
        challenge: '\u0000a\u0000',
        challengeType: asn1.Type.BMPSTRING,
      }),
    );
    expect(result.csr).toBeDefined();
    expect(result.challengePassword).toBeUndefined();
  });

  it('reads an even-length BMPString challengePassword', () => {
    const result = readQuickly(
      makeCsr(requester, {
        challenge: '\u0000p\u0000w',
        challengeType: asn1.Type.BMPSTRING,
      }),
    );
    expect(result.challengePassword).toBe('pw');
  });

  // Huge moduli and exponents are what make RSA slow: they must be refused
  // by their size, before any RSA, hence within the time budget.
  it('refuses RSA keys out of bounds as badAlg, before any RSA', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          // The helper's garbage signature needs a modulus of 3 bytes or more.
          fc.integer({ min: 17, max: 16_384 }),
          fc.constantFrom(1023, 1024, 2048, 4096, 4097, 8192, 16_384),
        ),
        fc.oneof(
          fc.integer({ min: 2, max: 16_384 }),
          fc.constantFrom(2, 17, 18, 4096, 16_383),
        ),
        (modulusBits, exponentBits) => {
          const result = readQuickly(
            csrWithRsaKeyOfSize({ modulusBits, exponentBits }),
          );
          expect(result.problem).toBeDefined();
          const outOfBounds =
            modulusBits < RSA_KEY_BOUNDS.minModulusBits ||
            modulusBits > RSA_KEY_BOUNDS.maxModulusBits ||
            exponentBits !== 17;
          expect(outOfBounds && result.problem?.failInfo !== 'badAlg').toBe(
            false,
          );
        },
      ),
      { numRuns: 60, examples: [[16_384, 16_383]] },
    );
  });

  it('checkCsrSignature answers mutated CSRs without a throw', () => {
    fc.assert(
      fc.property(
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        mutations => {
          const outcome = checkCsrSignature(
            mutate(VALID[0], mutations),
            requester.publicKey,
          );
          expect([
            'verified',
            'does-not-verify',
            'unsupported-algorithm',
          ]).toContain(outcome.result);
        },
      ),
      { numRuns: 300 },
    );
  });
});
