import {
  SealedIdentityStore,
  StoredSealedIdentity,
} from './SealedIdentityStore';

/** The uploaded push certificate as kept: its key sealed (see pki/SecretSealer.ts). */
export type StoredPushCertificate = StoredSealedIdentity;

/** Where an uploaded MDM push certificate is kept; one at a time. */
export type PushCertificateStore = SealedIdentityStore;
