/**
 * SCEP's registered values (RFC 8894 §3.2.1, the IANA SCEP registry; the
 * table in PROTOCOL-NOTES §5).
 */

/** The signed attributes SCEP adds to the CMS SignedData (Verisign arc). */
export const SCEP_OID = {
  messageType: '2.16.840.1.113733.1.9.2',
  pkiStatus: '2.16.840.1.113733.1.9.3',
  failInfo: '2.16.840.1.113733.1.9.4',
  senderNonce: '2.16.840.1.113733.1.9.5',
  recipientNonce: '2.16.840.1.113733.1.9.6',
  transactionId: '2.16.840.1.113733.1.9.7',
} as const;

/** messageType values, carried as decimal PrintableStrings. */
export const MESSAGE_TYPE = {
  CertRep: '3',
  RenewalReq: '17',
  UpdateReq: '18',
  PKCSReq: '19',
  CertPoll: '20',
  GetCert: '21',
  GetCRL: '22',
} as const;

/** The message types whose envelope holds a PKCS#10 request (RFC 8894 §3.3.1). */
export const CSR_MESSAGE_TYPES: readonly string[] = [
  MESSAGE_TYPE.RenewalReq,
  MESSAGE_TYPE.UpdateReq,
  MESSAGE_TYPE.PKCSReq,
];

export const PKI_STATUS = {
  SUCCESS: '0',
  FAILURE: '2',
  PENDING: '3',
} as const;

export const FAIL_INFO = {
  badAlg: '0',
  badMessageCheck: '1',
  badRequest: '2',
  badTime: '3',
  badCertID: '4',
} as const;

export type FailInfo = keyof typeof FAIL_INFO;

/** The media types of RFC 8894 §4. */
export const SCEP_MEDIA_TYPE = {
  caCertificate: 'application/x-x509-ca-cert',
  pkiMessage: 'application/x-pki-message',
} as const;

/**
 * What GetCACaps announces (RFC 8894 §3.5.2). Only what is implemented:
 * requests are read with SHA-1 or SHA-256 digests (SHA-384/512 too, unasked)
 * and DES, 3DES or AES envelopes; SCEPStandard implies AES, POSTPKIOperation
 * and SHA-256. `Renewal`: a RenewalReq signed by a live identity this CA
 * issued gets a new identity for the same Mac (ScepService.renew).
 */
export const CA_CAPABILITIES = [
  'POSTPKIOperation',
  'Renewal',
  'SHA-256',
  'SHA-1',
  'AES',
  'DES3',
  'SCEPStandard',
] as const;
