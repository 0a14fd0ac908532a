/** The uploaded push certificate as kept: its key sealed (see pki/SecretSealer.ts). */
export interface StoredPushCertificate {
  certificatePem: string;
  privateKeySealed: string;
  updatedAt: Date;
}

/** Where an uploaded MDM push certificate is kept; one at a time. */
export interface PushCertificateStore {
  /** The certificate kept, if any. */
  get(): Promise<StoredPushCertificate | undefined>;
  /** Keeps this certificate in place of any earlier one. */
  put(
    certificatePem: string,
    privateKeySealed: string,
    now: Date,
  ): Promise<void>;
  /** Forgets the certificate; false when there was none. */
  delete(): Promise<boolean>;
}
