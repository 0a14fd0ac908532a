/**
 * The SCEP server (RFC 8894) that gives enrolling Macs their device identity.
 */
export { createScepRouter, SCEP_MESSAGE_LIMIT_BYTES } from './router';
export {
  ScepService,
  type ScepServiceOptions,
  type IssuedCertificateRecorder,
  type IssuedIdentityLookup,
} from './ScepService';
export {
  parsePkiRequest,
  type PkiRequest,
  type PkiMessageHeader,
} from './pkiMessage';
export { buildCertRep, type CertRepOptions } from './certRep';
export type { IssuedCertificateRecord } from '../database/CertificateStore';
export type { ScepChallengeStore } from '../database/ScepChallengeStore';
