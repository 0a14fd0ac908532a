import { isError } from '@backstage/errors';
import forge from 'node-forge';
import { checkCsrSignature } from '../pki/csrSignature';
import { parseDer } from '../pki/der';
import { isBoundedRsaKey, RSA_KEY_REQUIREMENT } from '../pki/rsaKeyBounds';
import { FailInfo } from './scepConstants';

const { asn1 } = forge;

const CHALLENGE_PASSWORD = forge.pki.oids.challengePassword; // 1.2.840.113549.1.9.7

/** A request read from a SCEP envelope: the CSR, or why it is unusable. */
export interface CsrResult {
  /** The signature-checked PKCS#10 request, unless `problem` says why not. */
  csr?: forge.pki.CertificateSigningRequest;
  challengePassword?: string;
  problem?: { failInfo: FailInfo; reason: string };
}

/** A DirectoryString (RFC 2985 §5.4.1 challengePassword) as text. */
function directoryString(field: {
  value: unknown;
  valueTagClass?: number;
}): string | undefined {
  if (typeof field.value !== 'string') return undefined;
  const raw = Buffer.from(field.value, 'binary');
  switch (field.valueTagClass) {
    case asn1.Type.PRINTABLESTRING:
    case asn1.Type.IA5STRING:
    case 20: // TeletexString, read as Latin-1 like most implementations
      return raw.toString('latin1');
    case asn1.Type.UTF8:
      return raw.toString('utf8');
    case asn1.Type.BMPSTRING:
      // Two bytes a character: an odd length is no BMPString (and swap16 throws).
      if (raw.length % 2 !== 0) return undefined;
      return Buffer.from(raw).swap16().toString('utf16le');
    default:
      return undefined;
  }
}

/**
 * Reads the PKCS#10 request of a PKCSReq or RenewalReq (RFC 8894 §3.3.1):
 * parses it (forge reads integers, no RSA), bounds its key, then checks its
 * self-signature natively. The key comes from whoever sends the request, so
 * its size is refused before any RSA: forge once spent minutes verifying a
 * CSR with a 16384-bit modulus and exponent, blocking the whole backend.
 */
export function readCsr(der: Buffer): CsrResult {
  let csr: forge.pki.CertificateSigningRequest;
  try {
    csr = forge.pki.certificationRequestFromAsn1(
      parseDer(der, 'certificate request'),
    ) as forge.pki.CertificateSigningRequest;
  } catch (error) {
    const notRsa = isError(error) && /not RSA/i.test(error.message);
    return {
      problem: notRsa
        ? { failInfo: 'badAlg', reason: 'The CSR key is not RSA' }
        : { failInfo: 'badMessageCheck', reason: 'The CSR is not PKCS#10' },
    };
  }
  if (!csr.publicKey || !isBoundedRsaKey(csr.publicKey)) {
    return {
      problem: {
        failInfo: 'badAlg',
        reason: `The CSR key must be ${RSA_KEY_REQUIREMENT}`,
      },
    };
  }
  const signature = checkCsrSignature(der, csr.publicKey);
  if (signature.result === 'unsupported-algorithm') {
    return {
      problem: {
        failInfo: 'badAlg',
        reason: `The CSR signature algorithm ${signature.algorithm} is not RSA PKCS#1 v1.5 with SHA-1 or SHA-2`,
      },
    };
  }
  if (signature.result !== 'verified') {
    return {
      problem: {
        failInfo: 'badMessageCheck',
        reason: "The CSR's signature does not verify",
      },
    };
  }
  const attribute = csr.getAttribute({ type: CHALLENGE_PASSWORD }) as {
    value: unknown;
    valueTagClass?: number;
  } | null;
  return {
    csr,
    challengePassword: attribute ? directoryString(attribute) : undefined,
  };
}
