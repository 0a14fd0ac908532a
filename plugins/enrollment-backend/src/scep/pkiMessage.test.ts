import { execFileSync } from 'node:child_process';
import { constants, publicEncrypt, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '@backstage/errors';
import { requireCommand } from '@internal/test-harness';
import forge from 'node-forge';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { parseDer } from '../pki/der';
import { generateCa } from '../pki/generateCa';
import { rsaPkcs1Decrypt } from '../pki/rsaPkcs1Decrypt';
import {
  addressedTo,
  encryptedKeyOf,
  withEncryptedKey,
} from './__testUtils__/envelopeSurgery';
import { csrWithRsaKeyOfSize } from './__testUtils__/hostileCsr';
import {
  envelopeTo,
  makeCsr,
  makeRequester,
  signPkiMessage,
} from './__testUtils__/requester';
import { parsePkiRequest } from './pkiMessage';
import { MESSAGE_TYPE } from './scepConstants';

const openssl = requireCommand('openssl', 'openssl');
const oids = forge.pki.oids;

describe('parsePkiRequest', () => {
  const material = generateCa({ organization: 'Test' });
  const ca = CertificateAuthority.fromPem(material);
  const requester = makeRequester();
  const csr = makeCsr(requester, { challenge: 'secret-challenge' });
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pkimessage-test-'));
    writeFileSync(join(dir, 'ca.pem'), material.certificatePem);
    writeFileSync(join(dir, 'csr.der'), csr);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** An envelope made by openssl, an independent implementation. */
  function opensslEnvelope(cipher: string, legacy = false): Buffer {
    const out = join(dir, `envelope-${cipher}.der`);
    execFileSync(openssl, [
      'cms',
      '-encrypt',
      '-binary',
      '-outform',
      'DER',
      ...(legacy ? ['-provider', 'legacy', '-provider', 'default'] : []),
      `-${cipher}`,
      '-in',
      join(dir, 'csr.der'),
      '-out',
      out,
      join(dir, 'ca.pem'),
    ]);
    return readFileSync(out);
  }

  it('reads a PKCSReq: attributes, signer, CSR and challenge', () => {
    const nonce = Buffer.alloc(16, 7);
    const request = parsePkiRequest(
      signPkiMessage(requester, envelopeTo(csr, ca.certificate), {
        transactionId: 'abc+/=123',
        senderNonce: nonce,
      }),
      ca,
    );
    expect(request.problem).toBeUndefined();
    expect(request.messageType).toBe(MESSAGE_TYPE.PKCSReq);
    expect(request.transactionId).toBe('abc+/=123');
    expect(request.senderNonce).toEqual(nonce);
    expect(request.signerCertificate.serialNumber).toBe(
      requester.certificate.serialNumber,
    );
    expect(request.csr?.subject.getField('CN').value).toBe('Test Mac');
    expect(request.challengePassword).toBe('secret-challenge');
  });

  it.each([
    ['aes128-CBC', oids['aes128-CBC']],
    ['aes256-CBC', oids['aes256-CBC']],
    ['des-EDE3-CBC', oids['des-EDE3-CBC']],
  ])('decrypts a forge %s envelope', (_name, cipher) => {
    const request = parsePkiRequest(
      signPkiMessage(requester, envelopeTo(csr, ca.certificate, cipher)),
      ca,
    );
    expect(request.problem).toBeUndefined();
    expect(request.challengePassword).toBe('secret-challenge');
  });

  it.each([
    ['aes128', false],
    ['aes256', false],
    ['des3', false],
    ['des', true],
  ])('decrypts an openssl -%s envelope', (cipher, legacy) => {
    const request = parsePkiRequest(
      signPkiMessage(requester, opensslEnvelope(cipher, legacy)),
      ca,
    );
    expect(request.problem).toBeUndefined();
    expect(request.csr).toBeDefined();
    expect(request.challengePassword).toBe('secret-challenge');
  });

  it('reads a UTF8String challengePassword', () => {
    const utf8 = makeCsr(requester, {
      challenge: 'pässwörd',
      challengeType: forge.asn1.Type.UTF8,
    });
    const request = parsePkiRequest(
      signPkiMessage(requester, envelopeTo(utf8, ca.certificate)),
      ca,
    );
    expect(request.challengePassword).toBe('pässwörd');
  });

  it('leaves the challenge undefined when the CSR has none', () => {
    const request = parsePkiRequest(
      signPkiMessage(requester, envelopeTo(makeCsr(requester), ca.certificate)),
      ca,
    );
    expect(request.csr).toBeDefined();
    expect(request.challengePassword).toBeUndefined();
  });

  it('does not open the envelope of message types without a CSR', () => {
    const request = parsePkiRequest(
      signPkiMessage(requester, Buffer.from('not an envelope'), {
        messageType: MESSAGE_TYPE.CertPoll,
      }),
      ca,
    );
    expect(request.messageType).toBe('20');
    expect(request.csr).toBeUndefined();
    expect(request.problem).toBeUndefined();
  });

  describe('CSRs made by openssl', () => {
    /** A DER CSR from `openssl req` with a fresh key of `keyOptions`. */
    function opensslCsr(keyOptions: string[], reqOptions: string[]): Buffer {
      const key = join(dir, 'req.key');
      const out = join(dir, 'req.der');
      execFileSync(openssl, ['genpkey', ...keyOptions, '-out', key]);
      execFileSync(openssl, [
        'req',
        '-new',
        '-key',
        key,
        '-utf8',
        '-subj',
        '/CN=Mäc of Zoë/O=Acme',
        '-outform',
        'DER',
        '-out',
        out,
        ...reqOptions,
      ]);
      return readFileSync(out);
    }
    const rsa = (bits: number, exponent = 65537) => [
      '-algorithm',
      'RSA',
      '-pkeyopt',
      `rsa_keygen_bits:${bits}`,
      '-pkeyopt',
      `rsa_keygen_pubexp:${exponent}`,
    ];
    const read = (der: Buffer) =>
      parsePkiRequest(
        signPkiMessage(requester, envelopeTo(der, ca.certificate)),
        ca,
      );

    it.each([['-sha1'], ['-sha256'], ['-sha384'], ['-sha512']])(
      'verifies a CSR signed with %s, over its own encoding',
      digest => {
        const request = read(opensslCsr(rsa(2048), [digest]));
        expect(request.problem).toBeUndefined();
        expect(request.csr?.subject.getField('CN').value).toBe(
          Buffer.from('Mäc of Zoë').toString('binary'),
        );
      },
    );

    it('verifies a CSR with a 1024-bit key, the smallest accepted', () => {
      expect(read(opensslCsr(rsa(1024), [])).problem).toBeUndefined();
    });

    it.each([
      ['a 512-bit key', rsa(512)],
      ['exponent 3', rsa(2048, 3)],
    ])('refuses a CSR with %s as badAlg', (_case, keyOptions) => {
      expect(read(opensslCsr(keyOptions, [])).problem).toEqual({
        failInfo: 'badAlg',
        reason: 'The CSR key must be RSA 1024–4096 bits with exponent 65537',
      });
    });

    it('refuses an EC key as badAlg', () => {
      const ec = ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'];
      expect(read(opensslCsr(ec, [])).problem).toEqual({
        failInfo: 'badAlg',
        reason: 'The CSR key is not RSA',
      });
    });
  });

  describe('problems the CA answers with a FAILURE CertRep', () => {
    /**
     * Whether the content-encryption key the CA finds (found here as the CA
     * finds it) decrypts the 3DES content with a valid CBC padding. With a
     * wrong key or a tampered content that happens about 1 time in 256, and
     * the garbage is then reported as "not PKCS#10": the tests that compare
     * reasons use envelopes where it does not happen, to be deterministic.
     */
    const unpadsByChance = (envelope: Buffer) => {
      const forgeEnvelope = forge.pkcs7.messageFromAsn1(
        parseDer(envelope, 'envelope'),
      ) as unknown as {
        encryptedContent: { key: forge.util.ByteBuffer };
        decrypt(): void;
      };
      const key = rsaPkcs1Decrypt(ca.privateKey, encryptedKeyOf(envelope), 24);
      forgeEnvelope.encryptedContent.key = forge.util.createBuffer(
        key.toString('binary'),
      );
      try {
        forgeEnvelope.decrypt();
        return true;
      } catch {
        return false;
      }
    };
    const unlucky = (make: () => Buffer) => {
      for (let attempt = 0; attempt < 10; attempt++) {
        const envelope = make();
        if (!unpadsByChance(envelope)) return envelope;
      }
      throw new Error('a wrong key unpadded ten times in a row');
    };

    it('an envelope for another CA', () => {
      const other = CertificateAuthority.fromPem(
        generateCa({ organization: 'Other' }),
      );
      const request = parsePkiRequest(
        signPkiMessage(requester, envelopeTo(csr, other.certificate)),
        ca,
      );
      expect(request.problem).toEqual({
        failInfo: 'badMessageCheck',
        reason: 'The SCEP envelope is not encrypted to this CA',
      });
    });

    it('an envelope that does not decrypt, whatever broke (no padding oracle)', () => {
      const badKey = unlucky(() => {
        const envelope = envelopeTo(csr, ca.certificate);
        const asn1 = forge.asn1.fromDer(envelope.toString('binary'));
        // ContentInfo → [0] → EnvelopedData → recipientInfos → RecipientInfo → encryptedKey
        const path = [1, 0, 1, 0, 3];
        const encryptedKey = path.reduce(
          (node, i) => (node.value as forge.asn1.Asn1[])[i],
          asn1,
        );
        const key = Buffer.from(encryptedKey.value as string, 'binary');
        key[10] ^= 0xff;
        encryptedKey.value = key.toString('binary');
        return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
      });
      const badContent = unlucky(() => {
        const tampered = envelopeTo(csr, ca.certificate);
        tampered[tampered.length - 3] ^= 0xff;
        return tampered;
      });

      const problems = [badKey, badContent].map(
        e => parsePkiRequest(signPkiMessage(requester, e), ca).problem,
      );
      expect(problems[0]).toEqual({
        failInfo: 'badMessageCheck',
        reason: 'The SCEP envelope could not be decrypted',
      });
      expect(problems[1]).toEqual(problems[0]);
    });

    it('a tampered encryptedKey, like an envelope encrypted to another key (implicit rejection)', () => {
      const other = CertificateAuthority.fromPem(
        generateCa({ organization: 'Other' }),
      );
      const fresh = () => envelopeTo(csr, ca.certificate, oids['des-EDE3-CBC']);

      const cases = {
        'encrypted to another key': unlucky(() =>
          addressedTo(
            envelopeTo(csr, other.certificate, oids['des-EDE3-CBC']),
            ca.certificate,
          ),
        ),
        'tampered encryptedKey': unlucky(() =>
          withEncryptedKey(fresh(), key => {
            key[10] ^= 0xff;
            return key;
          }),
        ),
        'encryptedKey of another envelope (good padding, wrong key)': unlucky(
          () => withEncryptedKey(fresh(), () => encryptedKeyOf(fresh())),
        ),
        'encryptedKey one byte short': unlucky(() =>
          withEncryptedKey(fresh(), key => key.subarray(1)),
        ),
        'encryptedKey left-padded with a zero byte': unlucky(() =>
          withEncryptedKey(fresh(), key => Buffer.concat([Buffer.of(0), key])),
        ),
        'encryptedKey wrapping a 16-byte key for 3DES': unlucky(() =>
          withEncryptedKey(fresh(), () =>
            publicEncrypt(
              {
                key: ca.privateKey,
                padding: constants.RSA_PKCS1_PADDING,
              },
              randomBytes(16),
            ),
          ),
        ),
      };
      const problems = Object.fromEntries(
        Object.entries(cases).map(([name, envelope]) => [
          name,
          parsePkiRequest(signPkiMessage(requester, envelope), ca).problem,
        ]),
      );
      const expected = {
        failInfo: 'badMessageCheck',
        reason: 'The SCEP envelope could not be decrypted',
      };
      expect(problems).toEqual(
        Object.fromEntries(Object.keys(cases).map(name => [name, expected])),
      );
    });

    it('a content that is not an EnvelopedData', () => {
      const request = parsePkiRequest(
        signPkiMessage(requester, Buffer.from('plain text')),
        ca,
      );
      expect(request.problem?.failInfo).toBe('badMessageCheck');
    });

    it('a CSR whose signature does not verify', () => {
      const broken = Buffer.from(csr);
      broken[broken.length - 2] ^= 0x01;
      const request = parsePkiRequest(
        signPkiMessage(requester, envelopeTo(broken, ca.certificate)),
        ca,
      );
      expect(request.csr).toBeUndefined();
      expect(request.problem).toEqual({
        failInfo: 'badMessageCheck',
        reason: "The CSR's signature does not verify",
      });
    });

    it.each([
      ['an 8192-bit modulus and an 8191-bit exponent', 8192, 8191],
      ['a 16384-bit modulus and a 16383-bit exponent', 16384, 16383],
      ['a 4104-bit modulus', 4104, 17],
    ])('a CSR key with %s (badAlg)', (_case, modulusBits, exponentBits) => {
      const request = parsePkiRequest(
        signPkiMessage(
          requester,
          envelopeTo(
            csrWithRsaKeyOfSize({ modulusBits, exponentBits }),
            ca.certificate,
          ),
        ),
        ca,
      );
      expect(request.csr).toBeUndefined();
      expect(request.problem).toEqual({
        failInfo: 'badAlg',
        reason: 'The CSR key must be RSA 1024–4096 bits with exponent 65537',
      });
    });

    /** The CSR with its outer signatureAlgorithm OID's last byte replaced. */
    const relabelled = (lastOidByte: number) => {
      const sha256WithRsa = Buffer.from('06092a864886f70d01010b', 'hex');
      const copy = Buffer.from(csr);
      const at = copy.lastIndexOf(sha256WithRsa);
      copy[at + sha256WithRsa.length - 1] = lastOidByte;
      return copy;
    };

    it('a CSR whose signature algorithm names another digest than was signed', () => {
      const request = parsePkiRequest(
        signPkiMessage(requester, envelopeTo(relabelled(0x05), ca.certificate)),
        ca,
      );
      expect(request.problem).toEqual({
        failInfo: 'badMessageCheck',
        reason: "The CSR's signature does not verify",
      });
    });

    it('a CSR signed with md5WithRSAEncryption (badAlg)', () => {
      const request = parsePkiRequest(
        signPkiMessage(requester, envelopeTo(relabelled(0x04), ca.certificate)),
        ca,
      );
      expect(request.problem).toEqual({
        failInfo: 'badAlg',
        reason:
          'The CSR signature algorithm 1.2.840.113549.1.1.4 is not RSA PKCS#1 v1.5 with SHA-1 or SHA-2',
      });
    });

    it('an envelope that holds no CSR', () => {
      const request = parsePkiRequest(
        signPkiMessage(
          requester,
          envelopeTo(Buffer.from('no csr'), ca.certificate),
        ),
        ca,
      );
      expect(request.problem).toEqual({
        failInfo: 'badMessageCheck',
        reason: 'The CSR is not PKCS#10',
      });
    });
  });

  describe('messages refused outright (InputError: nobody to answer)', () => {
    /** What parsing throws, as "Name: message". */
    const refusal = (der: Buffer) => {
      try {
        parsePkiRequest(der, ca);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
      return 'accepted';
    };

    it('garbage', () => {
      expect(refusal(Buffer.from('GET / HTTP/1.1'))).toMatch(
        /^InputError: .*not valid DER/,
      );
    });

    it('a tampered signature', () => {
      const der = signPkiMessage(requester, envelopeTo(csr, ca.certificate));
      der[der.length - 1] ^= 0x01;
      expect(refusal(der)).toMatch(/^InputError: .*signature does not verify/);
    });

    it('a tampered envelope', () => {
      const envelope = envelopeTo(csr, ca.certificate);
      const der = signPkiMessage(requester, envelope);
      const at = der.indexOf(envelope) + envelope.length - 4;
      der[at] ^= 0x01;
      expect(refusal(der)).toMatch(
        /^InputError: .*messageDigest does not match/,
      );
    });

    it.each([['messageType'], ['transactionId'], ['senderNonce']] as const)(
      'a message without %s',
      omit => {
        expect(
          refusal(
            signPkiMessage(requester, envelopeTo(csr, ca.certificate), {
              omit,
            }),
          ),
        ).toMatch(/^InputError: .*has no/);
      },
    );

    it('a senderNonce that is too short', () => {
      expect(
        refusal(
          signPkiMessage(requester, envelopeTo(csr, ca.certificate), {
            senderNonce: Buffer.alloc(2),
          }),
        ),
      ).toMatch(/^InputError: .*senderNonce must be/);
    });
  });
});
