import { randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { oddIntegerOfBits } from '../../pki/__testUtils__/rsaKeyOfSize';
import { toDerBuffer } from '../../pki/der';

const { asn1 } = forge;

// Exported by forge's pki module but missing from @types/node-forge.
const getCertificationRequestInfo = (
  forge.pki as unknown as {
    getCertificationRequestInfo(
      csr: forge.pki.CertificateSigningRequest,
    ): forge.asn1.Asn1;
  }
).getCertificationRequestInfo;

/** A DER INTEGER holding the unsigned big-endian `magnitude`. */
function unsignedIntegerNode(magnitude: Buffer): forge.asn1.Asn1 {
  const bytes =
    magnitude[0] & 0x80 ? Buffer.concat([Buffer.of(0), magnitude]) : magnitude;
  return asn1.create(
    asn1.Class.UNIVERSAL,
    asn1.Type.INTEGER,
    false,
    bytes.toString('binary'),
  );
}

/**
 * A PKCS#10 request whose key is an RSA SubjectPublicKeyInfo built by hand
 * with any modulus and exponent size: what an attacker sends to make a
 * verifier do one enormous modular exponentiation. Nobody holds the private
 * key, so the signature is garbage, sized like the modulus and smaller than
 * it, so that a verifier goes as far as the exponentiation.
 */
export function csrWithRsaKeyOfSize(options: {
  modulusBits: number;
  exponentBits: number;
  challenge?: string;
}): Buffer {
  const modulus = oddIntegerOfBits(options.modulusBits);
  const exponent = oddIntegerOfBits(options.exponentBits);
  const rsaPublicKey = asn1.create(
    asn1.Class.UNIVERSAL,
    asn1.Type.SEQUENCE,
    true,
    [unsignedIntegerNode(modulus), unsignedIntegerNode(exponent)],
  );
  const spki = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      asn1.create(
        asn1.Class.UNIVERSAL,
        asn1.Type.OID,
        false,
        asn1.oidToDer(forge.pki.oids.rsaEncryption).getBytes(),
      ),
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ''),
    ]),
    asn1.create(
      asn1.Class.UNIVERSAL,
      asn1.Type.BITSTRING,
      false,
      `\x00${asn1.toDer(rsaPublicKey).getBytes()}`,
    ),
  ]);

  // forge writes the version, subject and attributes; the key is swapped in.
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = forge.pki.rsa.setPublicKey(
    new forge.jsbn.BigInteger('3', 16),
    new forge.jsbn.BigInteger('3', 16),
  );
  csr.setSubject([{ shortName: 'CN', value: 'Test Mac' }]);
  if (options.challenge !== undefined) {
    csr.setAttributes([
      { name: 'challengePassword', value: options.challenge },
    ]);
  }
  const info = getCertificationRequestInfo(csr);
  (info.value as forge.asn1.Asn1[])[2] = spki;

  const signature = Buffer.concat([
    Buffer.of(0, 1),
    randomBytes(modulus.length - 2),
  ]);
  return toDerBuffer(
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      info,
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
        asn1.create(
          asn1.Class.UNIVERSAL,
          asn1.Type.OID,
          false,
          asn1.oidToDer(forge.pki.oids.sha256WithRSAEncryption).getBytes(),
        ),
        asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ''),
      ]),
      asn1.create(
        asn1.Class.UNIVERSAL,
        asn1.Type.BITSTRING,
        false,
        `\x00${signature.toString('binary')}`,
      ),
    ]),
  );
}
