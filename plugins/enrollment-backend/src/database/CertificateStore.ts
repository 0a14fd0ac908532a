/** A device identity certificate this CA issued. */
export interface IssuedCertificate {
  serialNumber: string;
  sha256: string;
  enrollmentId: string;
  computerId?: string;
  subject: string;
  notBefore: Date;
  notAfter: Date;
  revokedAt?: Date;
}

/** A certificate the CA issued, as it is kept. */
export interface IssuedCertificateRecord {
  /** forge's lowercase hex serial. */
  serialNumber: string;
  enrollmentId: string;
  /** Set for a renewal: the identity belongs to this computer from the start. */
  computerId?: string;
  /** e.g. `CN=Test Mac, O=Acme` */
  subject: string;
  notBefore: Date;
  notAfter: Date;
  /** Lowercase hex SHA-256 of the DER certificate. */
  sha256: string;
  certificateDer: Buffer;
}

/** Issued certificates, with the enrollment and computer they belong to. */
export interface CertificateStore {
  /**
   * Keeps an issued certificate. A portal identity (no computer yet)
   * supersedes the enrollment's earlier identities, which are revoked: one
   * enrollment has one live identity however often its profile is fetched.
   */
  record(cert: IssuedCertificateRecord): Promise<void>;
  /** The certificate whose DER has this lowercase hex SHA-256, revoked or not. */
  findBySha256(sha256: string): Promise<IssuedCertificate | undefined>;
  /** The identity now belongs to this computer (it authenticated with it). */
  bindComputer(sha256: string, computerId: string): Promise<void>;
  /** Revokes the identity; one already revoked keeps its first date. */
  revoke(sha256: string, now: Date): Promise<void>;
}
