import { randomBytes } from 'node:crypto';
import { InputError } from '@backstage/errors';
import forge from 'node-forge';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { CmsAttribute, signCms } from '../pki/cms';
import { degenerateSignedData } from '../pki/degenerateSignedData';
import { octetStringNode, printableStringNode } from '../pki/der';
import { sealEnvelope } from './envelope';
import { PkiMessageHeader } from './pkiMessage';
import {
  FAIL_INFO,
  FailInfo,
  MESSAGE_TYPE,
  PKI_STATUS,
  SCEP_OID,
} from './scepConstants';

export interface CertRepOptions {
  ca: CertificateAuthority;
  /** The request answered: its transactionID, senderNonce and signer. */
  request: PkiMessageHeader;
  status: 'SUCCESS' | 'FAILURE';
  /** Required with FAILURE. */
  failInfo?: FailInfo;
  /** Required with SUCCESS. */
  issued?: forge.pki.Certificate;
  now?: Date;
}

/**
 * Builds the CA's CertRep (RFC 8894 §3.3.2): a CMS SignedData signed by the
 * CA whose signed attributes carry messageType 3, pkiStatus, failInfo (on
 * FAILURE), the request's transactionID, recipientNonce = the request's
 * senderNonce and a fresh senderNonce. On SUCCESS the content is an
 * EnvelopedData, encrypted to the requester's signer certificate, holding a
 * certs-only SignedData with the issued certificate; on FAILURE the content
 * is empty, as micromdm's and smallstep's Fail() send it.
 */
export function buildCertRep(options: CertRepOptions): Buffer {
  const { ca, request, status, issued } = options;
  const extra: CmsAttribute[] = [
    {
      type: SCEP_OID.messageType,
      value: printableStringNode(MESSAGE_TYPE.CertRep),
    },
    {
      type: SCEP_OID.pkiStatus,
      value: printableStringNode(PKI_STATUS[status]),
    },
    {
      type: SCEP_OID.transactionId,
      value: printableStringNode(request.transactionId),
    },
    {
      type: SCEP_OID.recipientNonce,
      value: octetStringNode(request.senderNonce),
    },
    { type: SCEP_OID.senderNonce, value: octetStringNode(randomBytes(16)) },
  ];

  let content: Buffer;
  let certificates: forge.pki.Certificate[];
  if (status === 'SUCCESS') {
    if (!issued) {
      throw new InputError('A SUCCESS CertRep needs the issued certificate');
    }
    content = sealEnvelope(
      degenerateSignedData([issued]),
      request.signerCertificate,
    );
    // The issued certificate first, then the signer: the order micromdm and
    // smallstep use, which Apple's and Go's clients are known to accept.
    certificates = [issued, ca.certificate];
  } else {
    if (!options.failInfo) {
      throw new InputError('A FAILURE CertRep needs a failInfo');
    }
    extra.push({
      type: SCEP_OID.failInfo,
      value: printableStringNode(FAIL_INFO[options.failInfo]),
    });
    content = Buffer.alloc(0);
    certificates = [ca.certificate];
  }

  return signCms({
    content,
    signer: ca.certificate,
    key: ca.privateKey,
    certificates,
    extraSignedAttributes: extra,
    signingTime: options.now,
  });
}
