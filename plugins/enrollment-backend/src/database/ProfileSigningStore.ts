import {
  SealedIdentityStore,
  StoredSealedIdentity,
} from './SealedIdentityStore';

/** The uploaded profile-signing identity as kept: the signing certificate, then its intermediates. */
export type StoredProfileSigning = StoredSealedIdentity;

/** Where an uploaded profile-signing identity is kept; one at a time. */
export type ProfileSigningStore = SealedIdentityStore;
