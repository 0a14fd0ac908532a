import { InputError, isError } from '@backstage/errors';
import forge from 'node-forge';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { verifyCms } from '../pki/cms';
import { bytesOf, childrenOf, isUniversal, oidOf } from '../pki/der';
import { EnvelopeError, openEnvelope } from './envelope';
import { readCsr } from './readCsr';
import { CSR_MESSAGE_TYPES, FailInfo, SCEP_OID } from './scepConstants';

const { asn1 } = forge;

/** What the CA needs to answer any PKIMessage: who asked, in which transaction. */
export interface PkiMessageHeader {
  /** The decimal messageType, e.g. '19' for PKCSReq. */
  messageType: string;
  transactionId: string;
  senderNonce: Buffer;
  /** The certificate that signed the request: the CertRep is encrypted to it. */
  signerCertificate: forge.pki.Certificate;
}

/** A verified PKIMessage with, for PKCSReq/RenewalReq/UpdateReq, its request. */
export interface PkiRequest extends PkiMessageHeader {
  /**
   * The decrypted, signature-checked PKCS#10 request: present for the
   * message types that carry one, unless `problem` says why not.
   */
  csr?: forge.pki.CertificateSigningRequest;
  challengePassword?: string;
  /**
   * Why the signed request's envelope or CSR is unusable. The CA still
   * answers, with a FAILURE CertRep carrying this failInfo (RFC 8894 §3.3.2.2).
   */
  problem?: { failInfo: FailInfo; reason: string };
}

/** The single value of a signed attribute, when present. */
function attributeValue(
  attributes: forge.asn1.Asn1[],
  oid: string,
  name: string,
): forge.asn1.Asn1 | undefined {
  const matching = attributes.filter(
    a =>
      oidOf(childrenOf(a, 'signed attribute')[0], 'signed attribute') === oid,
  );
  if (matching.length === 0) return undefined;
  const values = childrenOf(childrenOf(matching[0], name)[1], name);
  if (matching.length > 1 || values.length !== 1) {
    throw new InputError(`The SCEP ${name} attribute must have one value`);
  }
  return values[0];
}

const STRING_TYPES = [
  asn1.Type.PRINTABLESTRING,
  asn1.Type.UTF8,
  asn1.Type.IA5STRING,
];

function requiredString(
  attributes: forge.asn1.Asn1[],
  oid: string,
  name: string,
  pattern: RegExp,
): string {
  const value = attributeValue(attributes, oid, name);
  if (!value) {
    throw new InputError(`The SCEP message has no ${name} attribute`);
  }
  // RFC 8894 §3.2.1 says PrintableString; other string types are read if
  // their text would fit one, since the reply echoes it as PrintableString.
  if (!STRING_TYPES.some(type => isUniversal(value, type))) {
    throw new InputError(`The SCEP ${name} attribute is not a string`);
  }
  const text = bytesOf(value, name).toString('latin1');
  if (!pattern.test(text)) {
    throw new InputError(`The SCEP ${name} attribute is malformed`);
  }
  return text;
}

function readHeader(der: Buffer): PkiMessageHeader & { content: Buffer } {
  let verified;
  try {
    verified = verifyCms(der);
  } catch (error) {
    throw new InputError(
      `Invalid SCEP PKIMessage: ${isError(error) ? error.message : error}`,
    );
  }
  const attributes = verified.signedAttributes;
  const messageType = requiredString(
    attributes,
    SCEP_OID.messageType,
    'messageType',
    /^\d{1,3}$/,
  );
  const transactionId = requiredString(
    attributes,
    SCEP_OID.transactionId,
    'transactionID',
    /^[A-Za-z0-9 '()+,\-./:=?]{1,128}$/,
  );
  const nonce = attributeValue(attributes, SCEP_OID.senderNonce, 'senderNonce');
  if (!nonce || !isUniversal(nonce, asn1.Type.OCTETSTRING)) {
    throw new InputError('The SCEP message has no senderNonce attribute');
  }
  const senderNonce = bytesOf(nonce, 'senderNonce');
  // RFC 8894 §3.2.1.5: 16 random bytes; a little slack, but bounded.
  if (senderNonce.length < 8 || senderNonce.length > 64) {
    throw new InputError('The SCEP senderNonce must be 8 to 64 bytes');
  }
  return {
    messageType,
    transactionId,
    senderNonce,
    signerCertificate: verified.signer,
    content: verified.content,
  };
}

/**
 * Reads a SCEP PKIMessage (RFC 8894 §3.2): verifies its CMS signature (by
 * the requester's own, usually self-signed, certificate), reads the SCEP
 * signed attributes and, for the message types that carry a PKCS#10 request,
 * decrypts the envelope addressed to the CA and checks the CSR.
 *
 * @throws InputError when the message is not a validly signed PKIMessage:
 *   there is then nobody to answer with a CertRep.
 */
export function parsePkiRequest(
  der: Buffer,
  ca: CertificateAuthority,
): PkiRequest {
  const { content, ...header } = readHeader(der);
  if (!CSR_MESSAGE_TYPES.includes(header.messageType)) {
    return header;
  }
  let plaintext: Buffer;
  try {
    plaintext = openEnvelope(content, ca);
  } catch (error) {
    if (error instanceof EnvelopeError) {
      return {
        ...header,
        problem: { failInfo: error.failInfo, reason: error.message },
      };
    }
    throw error;
  }
  return { ...header, ...readCsr(plaintext) };
}
