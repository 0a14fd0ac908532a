import forge from 'node-forge';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { generateCa } from '../pki/generateCa';
import { addressedTo, withEncryptedKey } from './__testUtils__/envelopeSurgery';
import { csrWithRsaKeyOfSize } from './__testUtils__/hostileCsr';
import {
  MemoryChallengeStore,
  MemoryRecorder,
} from './__testUtils__/memoryStores';
import {
  envelopeTo,
  makeCsr,
  makeRequester,
  readCertRep,
  signPkiMessage,
} from './__testUtils__/requester';
import { SCEP_OID } from './scepConstants';
import { ScepService } from './ScepService';

/**
 * PKIOperation is a public route: any RSA it did in JavaScript (forge's
 * jsbn) would block the event loop for every request, for minutes with a
 * hostile key. These spies catch every way forge does RSA: its public and
 * private operations (rsa.encrypt/decrypt, which key.encrypt, key.decrypt
 * and key.verify go through) and the jsbn exponentiations under them.
 */
function spyOnJsRsa() {
  const BigInteger = forge.jsbn.BigInteger.prototype as unknown as Record<
    'modPow' | 'modPowInt' | 'exp',
    (...args: unknown[]) => unknown
  >;
  const rsa = forge.pki.rsa as unknown as Record<
    'encrypt' | 'decrypt',
    (...args: unknown[]) => unknown
  >;
  // forge's DES, 3DES and AES in JavaScript are ~20x slower than OpenSSL's.
  const ciphers = (name: 'des' | 'aes') =>
    (forge as unknown as Record<string, unknown>)[name] as Record<
      'createEncryptionCipher' | 'createDecryptionCipher',
      (...args: unknown[]) => unknown
    >;
  const spies = {
    modPow: jest.spyOn(BigInteger, 'modPow'),
    modPowInt: jest.spyOn(BigInteger, 'modPowInt'),
    exp: jest.spyOn(BigInteger, 'exp'),
    'rsa.encrypt': jest.spyOn(rsa, 'encrypt'),
    'rsa.decrypt': jest.spyOn(rsa, 'decrypt'),
    'des.encrypt': jest.spyOn(ciphers('des'), 'createEncryptionCipher'),
    'des.decrypt': jest.spyOn(ciphers('des'), 'createDecryptionCipher'),
    'aes.encrypt': jest.spyOn(ciphers('aes'), 'createEncryptionCipher'),
    'aes.decrypt': jest.spyOn(ciphers('aes'), 'createDecryptionCipher'),
  };
  return {
    /** Call counts, with the spies removed. */
    calls(): Record<keyof typeof spies, number> {
      const counts = Object.fromEntries(
        Object.entries(spies).map(([name, spy]) => [
          name,
          spy.mock.calls.length,
        ]),
      ) as Record<keyof typeof spies, number>;
      Object.values(spies).forEach(spy => spy.mockRestore());
      return counts;
    },
  };
}

const NONE = {
  modPow: 0,
  modPowInt: 0,
  exp: 0,
  'rsa.encrypt': 0,
  'rsa.decrypt': 0,
  'des.encrypt': 0,
  'des.decrypt': 0,
  'aes.encrypt': 0,
  'aes.decrypt': 0,
};

describe('ScepService.pkiOperation runs no RSA and no 3DES or AES in JavaScript', () => {
  const ca = CertificateAuthority.fromPem(generateCa({ organization: 'Test' }));
  const other = CertificateAuthority.fromPem(
    generateCa({ organization: 'Other' }),
  );
  const requester = makeRequester();
  const now = new Date('2031-01-01T00:00:00Z');
  let challenges: MemoryChallengeStore;
  let service: ScepService;

  beforeEach(() => {
    challenges = new MemoryChallengeStore();
    service = new ScepService({
      ca,
      challenges,
      recorder: new MemoryRecorder(),
      clock: () => now,
    });
  });

  /** Answers `der` under the spies: the reply's status and the JS RSA calls. */
  async function answer(der: Buffer) {
    const spy = spyOnJsRsa();
    const reply = service.pkiOperation(der);
    await reply.catch(() => undefined);
    // Restored before the reply is read: the test's reader uses forge's RSA.
    const calls = spy.calls();
    const read = readCertRep(await reply);
    return {
      calls,
      status: read.text(SCEP_OID.pkiStatus),
      failInfo: read.text(SCEP_OID.failInfo),
    };
  }

  it.each([
    ['3DES', forge.pki.oids['des-EDE3-CBC']],
    ['AES-128', forge.pki.oids['aes128-CBC']],
    ['AES-256', forge.pki.oids['aes256-CBC']],
  ])(
    'for a valid %s PKCSReq that gets a certificate',
    async (_name, cipher) => {
      // Built before the spies: the test's own envelope uses forge's RSA.
      const challenge = challenges.mint('e', 60_000, now);
      const der = signPkiMessage(
        requester,
        envelopeTo(makeCsr(requester, { challenge }), ca.certificate, cipher),
      );
      expect(await answer(der)).toEqual({
        calls: NONE,
        status: '0',
        failInfo: undefined,
      });
    },
  );

  describe('for junk envelopes', () => {
    const csr = makeCsr(requester, { challenge: 'c' });
    const envelope = envelopeTo(csr, ca.certificate);
    it.each([
      [
        'a tampered encryptedKey',
        () =>
          withEncryptedKey(envelope, key => {
            key[7] ^= 0x40;
            return key;
          }),
      ],
      [
        'an encryptedKey one byte short',
        () => withEncryptedKey(envelope, key => key.subarray(1)),
      ],
      [
        'an encryptedKey one byte long',
        () =>
          withEncryptedKey(envelope, key => Buffer.concat([Buffer.of(0), key])),
      ],
      [
        'an encryptedKey as large as the modulus allows',
        () => withEncryptedKey(envelope, key => Buffer.alloc(key.length, 0xff)),
      ],
      [
        'an envelope that names this CA but was encrypted to another key',
        () => addressedTo(envelopeTo(csr, other.certificate), ca.certificate),
      ],
      [
        'a tampered content',
        () => {
          const tampered = Buffer.from(envelope);
          tampered[tampered.length - 20] ^= 0x01;
          return tampered;
        },
      ],
    ])('%s', async (_case, build) => {
      const der = signPkiMessage(requester, build());
      expect(await answer(der)).toMatchObject({
        calls: NONE,
        status: '2',
        failInfo: '1',
      });
    });
  });

  it.each([
    [8192, 8191],
    [16384, 16383],
  ])(
    'for a CSR with a %i-bit modulus and a %i-bit exponent',
    async (modulusBits, exponentBits) => {
      const der = signPkiMessage(
        requester,
        envelopeTo(
          csrWithRsaKeyOfSize({ modulusBits, exponentBits, challenge: 'c' }),
          ca.certificate,
        ),
      );
      expect(await answer(der)).toEqual({
        calls: NONE,
        status: '2',
        failInfo: '0',
      });
    },
  );
});
