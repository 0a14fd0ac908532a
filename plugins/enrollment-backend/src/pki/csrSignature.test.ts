import { generateKeyPairSync, sign } from 'node:crypto';
import forge from 'node-forge';
import { rsaPublicKeyOfSize } from './__testUtils__/rsaKeyOfSize';
import { checkCsrSignature } from './csrSignature';
import { toDerBuffer } from './der';

// Exported by forge's pki module but missing from @types/node-forge.
const getCertificationRequestInfo = (
  forge.pki as unknown as {
    getCertificationRequestInfo(
      csr: forge.pki.CertificateSigningRequest,
    ): forge.asn1.Asn1;
  }
).getCertificationRequestInfo;

const ALGORITHMS = {
  md5: '1.2.840.113549.1.1.4',
  sha1: '1.2.840.113549.1.1.5',
  sha256: '1.2.840.113549.1.1.11',
  sha384: '1.2.840.113549.1.1.12',
  sha512: '1.2.840.113549.1.1.13',
} as const;

/** A DER header: tag, then the length in its shortest form. */
function header(tag: number, length: number): Buffer {
  if (length < 0x80) return Buffer.of(tag, length);
  if (length < 0x100) return Buffer.of(tag, 0x81, length);
  return Buffer.of(tag, 0x82, length >> 8, length & 0xff);
}
const tlv = (tag: number, content: Buffer) =>
  Buffer.concat([header(tag, content.length), content]);

describe('checkCsrSignature', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
  });
  const forgeKey = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  const info = (() => {
    const csr = forge.pki.createCertificationRequest();
    csr.publicKey = forgeKey;
    csr.setSubject([{ shortName: 'CN', value: 'Test Mac' }]);
    return toDerBuffer(getCertificationRequestInfo(csr));
  })();

  /** A CertificationRequest around `infoDer`, as given byte for byte. */
  function assemble(
    infoDer: Buffer,
    signature: Buffer,
    algorithm: string = ALGORITHMS.sha256,
    unusedBits = 0,
  ): Buffer {
    const algorithmId = toDerBuffer(
      forge.asn1.create(
        forge.asn1.Class.UNIVERSAL,
        forge.asn1.Type.SEQUENCE,
        true,
        [
          forge.asn1.create(
            forge.asn1.Class.UNIVERSAL,
            forge.asn1.Type.OID,
            false,
            forge.asn1.oidToDer(algorithm).getBytes(),
          ),
          forge.asn1.create(
            forge.asn1.Class.UNIVERSAL,
            forge.asn1.Type.NULL,
            false,
            '',
          ),
        ],
      ),
    );
    return tlv(
      0x30,
      Buffer.concat([
        infoDer,
        algorithmId,
        tlv(0x03, Buffer.concat([Buffer.of(unusedBits), signature])),
      ]),
    );
  }

  it.each(['sha1', 'sha256', 'sha384', 'sha512'] as const)(
    'verifies an RSA PKCS#1 v1.5 signature with %s',
    digest => {
      const der = assemble(
        info,
        sign(digest, info, privateKey),
        ALGORITHMS[digest],
      );
      expect(checkCsrSignature(der, forgeKey)).toEqual({ result: 'verified' });
    },
  );

  it('checks the digest the signature algorithm names', () => {
    const der = assemble(
      info,
      sign('sha256', info, privateKey),
      ALGORITHMS.sha512,
    );
    expect(checkCsrSignature(der, forgeKey)).toEqual({
      result: 'does-not-verify',
    });
  });

  it('checks the CertificationRequestInfo as sent, not as forge would re-encode it', () => {
    // The same value with a longer length field (30 83 00 xx xx): forge
    // reads both alike and re-encodes both to `info`.
    expect(info.subarray(0, 2)).toEqual(Buffer.of(0x30, 0x82));
    const stretched = Buffer.concat([
      Buffer.of(0x30, 0x83, 0x00),
      info.subarray(2),
    ]);
    expect(
      checkCsrSignature(
        assemble(stretched, sign('sha256', stretched, privateKey)),
        forgeKey,
      ),
    ).toEqual({ result: 'verified' });
    expect(
      checkCsrSignature(
        assemble(stretched, sign('sha256', info, privateKey)),
        forgeKey,
      ),
    ).toEqual({ result: 'does-not-verify' });
  });

  it('names an algorithm other than RSA PKCS#1 v1.5 with SHA-1 or SHA-2', () => {
    const der = assemble(info, sign('md5', info, privateKey), ALGORITHMS.md5);
    expect(checkCsrSignature(der, forgeKey)).toEqual({
      result: 'unsupported-algorithm',
      algorithm: ALGORITHMS.md5,
    });
  });

  it('runs no RSA with a key outside the bounds', () => {
    const der = assemble(info, sign('sha256', info, privateKey));
    const modPow = jest.spyOn(forge.jsbn.BigInteger.prototype, 'modPow');
    try {
      expect(
        checkCsrSignature(der, rsaPublicKeyOfSize(8192, { bits: 8191 })),
      ).toEqual({ result: 'does-not-verify' });
      expect(modPow).not.toHaveBeenCalled();
    } finally {
      modPow.mockRestore();
    }
  });

  describe('refuses a malformed request', () => {
    const good = assemble(info, sign('sha256', info, privateKey));
    it.each([
      ['with trailing bytes', Buffer.concat([good, Buffer.of(0)])],
      ['cut short', good.subarray(0, good.length - 1)],
      [
        'with an indefinite length',
        Buffer.concat([
          Buffer.of(0x30, 0x80),
          good.subarray(4),
          Buffer.of(0, 0),
        ]),
      ],
      [
        'with a signature of partial bytes',
        assemble(info, sign('sha256', info, privateKey), ALGORITHMS.sha256, 1),
      ],
      ['that is a bare CertificationRequestInfo', info],
      ['that is empty', Buffer.alloc(0)],
    ])('%s', (_case, der) => {
      expect(checkCsrSignature(der, forgeKey)).toEqual({
        result: 'does-not-verify',
      });
    });
  });
});
