// SCEP requests built in the benchmark's process before any clock starts:
// good PKCSReqs (src/scep/__testUtils__/requester.ts), and two kinds the CA
// must refuse, each with a valid outer signature so it gets past the CMS check.
import { randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { toDerBuffer } from '../src/pki/der';
import {
  envelopeTo,
  makeCsr,
  Requester,
  signPkiMessage,
} from '../src/scep/__testUtils__/requester';
import { httpRequest } from './http';

/** The CA certificate a SCEP server gives out (GetCACert, a single DER certificate). */
export async function caCertificateOf(
  scepUrl: string,
): Promise<forge.pki.Certificate> {
  const answer = await httpRequest(`${scepUrl}?operation=GetCACert`);
  if (answer.status !== 200) {
    throw new Error(`GetCACert at ${scepUrl}: HTTP ${answer.status}`);
  }
  return forge.pki.certificateFromAsn1(
    forge.asn1.fromDer(answer.body.toString('binary')),
  );
}

/** A PKCSReq for `commonName` with the challenge, encrypted to the CA (3DES) and signed. */
export function pkcsReq(
  requester: Requester,
  ca: forge.pki.Certificate,
  options: { commonName: string; challenge: string },
): Buffer {
  const csr = makeCsr(requester, {
    subject: [
      { shortName: 'CN', value: options.commonName },
      { shortName: 'O', value: 'Bench' },
    ],
    challenge: options.challenge,
  });
  return signPkiMessage(requester, envelopeTo(csr, ca));
}

/**
 * A PKCSReq whose envelope is addressed to the CA but holds junk: random
 * bytes as the RSA-encrypted content key (below the modulus) and as the
 * ciphertext. The CA pays one private-key operation to find that out.
 */
export function junkEnvelopeRequest(
  requester: Requester,
  ca: forge.pki.Certificate,
): Buffer {
  const envelope = forge.pkcs7.createEnvelopedData();
  envelope.addRecipient(ca);
  envelope.content = forge.util.createBuffer(
    randomBytes(512).toString('binary'),
  );
  envelope.encrypt(undefined, forge.pki.oids['des-EDE3-CBC']);
  const keyBytes = Math.ceil(
    (ca.publicKey as forge.pki.rsa.PublicKey).n.bitLength() / 8,
  );
  const junkKey = randomBytes(keyBytes);
  junkKey[0] &= 0x7f; // below the modulus, whose top bit is set
  (
    envelope as unknown as {
      recipients: { encryptedContent: { content: string } }[];
    }
  ).recipients[0].encryptedContent.content = junkKey.toString('binary');
  return signPkiMessage(requester, toDerBuffer(envelope.toAsn1()));
}

// Exported by forge's pki module but missing from @types/node-forge.
const getCertificationRequestInfo = (
  forge.pki as unknown as {
    getCertificationRequestInfo(
      csr: forge.pki.CertificateSigningRequest,
    ): forge.asn1.Asn1;
  }
).getCertificationRequestInfo;

/**
 * A PKCSReq whose CSR carries an RSA public key of `bits` bits (exponent
 * 65537; a random odd modulus, as checking it costs the same as a real
 * key's) and a random signature: the CA must refuse it, whatever the
 * check that does it costs.
 */
export function oversizedKeyRequest(
  requester: Requester,
  ca: forge.pki.Certificate,
  bits: number,
): Buffer {
  const modulus = randomBytes(bits / 8);
  modulus[0] |= 0x80;
  modulus[modulus.length - 1] |= 1;
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = forge.pki.setRsaPublicKey(
    new forge.jsbn.BigInteger(modulus.toString('hex'), 16),
    new forge.jsbn.BigInteger('65537'),
  );
  csr.setSubject([{ shortName: 'CN', value: 'Oversized key' }]);
  csr.setAttributes([
    { name: 'challengePassword', value: randomBytes(18).toString('base64url') },
  ]);
  const signature = randomBytes(bits / 8);
  signature[0] = 0;
  Object.assign(csr, {
    signatureOid: forge.pki.oids.sha256WithRSAEncryption,
    signature: signature.toString('binary'),
    certificationRequestInfo: getCertificationRequestInfo(csr),
  });
  const der = toDerBuffer(forge.pki.certificationRequestToAsn1(csr));
  return signPkiMessage(requester, envelopeTo(der, ca));
}

/** POSTs a PKIOperation; the answer (a CertRep, or a 4xx for a message nobody can answer). */
export const postPkiOperation = (scepUrl: string, message: Buffer) =>
  httpRequest(`${scepUrl}?operation=PKIOperation`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-pki-message' },
    body: message,
  });
