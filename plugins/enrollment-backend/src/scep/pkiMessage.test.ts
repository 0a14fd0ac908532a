import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '@backstage/errors';
import { requireCommand } from '@internal/test-harness';
import forge from 'node-forge';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { generateCa } from '../pki/generateCa';
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

  describe('problems the CA answers with a FAILURE CertRep', () => {
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
      const badKey = Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
      const badContent = Buffer.from(envelope);
      badContent[badContent.length - 3] ^= 0xff;

      const problems = [badKey, badContent].map(
        e => parsePkiRequest(signPkiMessage(requester, e), ca).problem,
      );
      expect(problems[0]).toEqual({
        failInfo: 'badMessageCheck',
        reason: 'The SCEP envelope could not be decrypted',
      });
      expect(problems[1]).toEqual(problems[0]);
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
