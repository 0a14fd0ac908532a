/** A certificate (PEM, maybe with its chain) and its private key, sealed (see pki/SecretSealer.ts). */
export interface StoredSealedIdentity {
  certificatePem: string;
  privateKeySealed: string;
  updatedAt: Date;
}

/** Where one uploaded identity of a kind is kept; one at a time. */
export interface SealedIdentityStore {
  /** The identity kept, if any. */
  get(): Promise<StoredSealedIdentity | undefined>;
  /** Keeps this identity in place of any earlier one. */
  put(
    certificatePem: string,
    privateKeySealed: string,
    now: Date,
  ): Promise<void>;
  /** Forgets the identity; false when there was none. */
  delete(): Promise<boolean>;
}
