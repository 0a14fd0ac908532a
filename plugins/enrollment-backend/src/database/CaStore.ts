/** A CA certificate and key as kept in the database, PEM. */
export interface StoredCa {
  certificatePem: string;
  privateKeyPem: string;
}

/** Where the generated CA is kept. */
export interface CaStore {
  /** The CA kept so far, if any. */
  get(): Promise<StoredCa | undefined>;
  /**
   * Keeps `candidate` unless a CA is already kept, and returns the one kept:
   * replicas racing at first start-up all end with the same CA.
   */
  keepFirst(candidate: StoredCa): Promise<StoredCa>;
}
