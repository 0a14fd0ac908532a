import { PendingEnrollment } from './EnrollmentStore';

/** What the MDM side needs of a computer. */
export interface Device {
  id: string;
  udid: string;
  status: 'enrolling' | 'enrolled' | 'unenrolled';
  enrollmentId?: string;
  certificateSha256?: string;
  siteId?: string;
  bootstrapTokenSealed?: string;
  /** The identity that escrowed the bootstrap token; only it may read it back. */
  bootstrapTokenSha256?: string;
  userApproved?: boolean;
  enrolledAt?: Date;
  /** What the Mac said of itself at Authenticate (or in its inventory since). */
  name?: string;
  model?: string;
  serialNumber?: string;
  osVersion?: string;
  /** The InstallProfile that renews the identity was queued then. */
  renewalRequestedAt?: Date;
  /** The username of the Mac's recorded user (its User and Location). */
  username?: string;
}

/** Where an APNs push for a computer goes, once it has a token. */
export interface PushTarget {
  token: Buffer;
  pushMagic: string;
  /** Apple said the token is unregistered (410); no pushes until a new TokenUpdate. */
  deadAt?: Date;
}

/** An Authenticate check-in, with the portal enrollment its identity came from. */
export interface DeviceAuthentication {
  udid: string;
  certificateSha256: string;
  enrollment: PendingEnrollment;
  device: {
    serialNumber?: string;
    name?: string;
    model?: string;
    osVersion?: string;
    buildVersion?: string;
    productName?: string;
  };
  topic: string;
  now: Date;
  /**
   * A known Mac keeps its recorded user and location instead of taking the
   * enrollment's (a re-enrollment without a logged-in user that is not to
   * clear them).
   */
  keepUser?: boolean;
}

/** What the Mac reported about itself in command results. */
export interface ReportedDeviceFields {
  name?: string;
  model?: string;
  osVersion?: string;
  serialNumber?: string;
  buildVersion?: string;
  userApproved?: boolean;
}

/** A TokenUpdate on the device channel: where pushes to the Mac go now. */
export interface PushTokenUpdate {
  deviceId: string;
  token: Buffer;
  pushMagic: string;
  now: Date;
}

/** Which enrolled computers `dueForRenewal` looks for, and how many. */
export interface RenewalQuery {
  expiresBefore: Date;
  requestedBefore: Date;
  limit: number;
}

/** An enrolled computer whose identity is to be renewed. */
export type RenewalCandidate = Device & {
  notAfter: Date;
  username?: string;
  realName?: string;
};

/** The computers' MDM state: identity binding, push tokens, enrollment status. */
export interface DeviceStore {
  /** The computer the Mac with this UDID is, whatever its status. */
  findByUdid(udid: string): Promise<Device | undefined>;
  /** The computer with this id, whatever its status. */
  findById(id: string): Promise<Device | undefined>;
  /**
   * Authenticate: binds the identity certificate to the UDID and fills the
   * computer record from the portal enrollment. A known UDID re-enrolling
   * updates its one record, and starts over: no push token, no escrowed
   * bootstrap token, status `enrolling`.
   */
  authenticate(options: DeviceAuthentication): Promise<Device>;
  /**
   * TokenUpdate on the device channel: the Mac installed the profile and is
   * enrolled. Returns whether this is the first TokenUpdate of the enrollment.
   */
  tokenUpdate(options: PushTokenUpdate): Promise<{ first: boolean }>;
  /** The Mac removed its profile: unenrolled, its tokens forgotten. */
  checkOut(deviceId: string, now: Date): Promise<void>;
  /** Escrows (or with null, deletes) the sealed bootstrap token of the identity `sha256`. */
  setBootstrapToken(
    deviceId: string,
    sealed: string | null,
    sha256: string,
    now: Date,
  ): Promise<void>;
  /**
   * The identity certificate the device now answers with (after a renewal);
   * a bootstrap token the old identity escrowed passes to the new one.
   */
  adoptIdentity(deviceId: string, sha256: string, now: Date): Promise<void>;
  /**
   * Enrolled computers whose live identity expires before `expiresBefore`
   * and whose renewal was not asked for since `requestedBefore`, soonest
   * expiry first.
   */
  dueForRenewal(options: RenewalQuery): Promise<RenewalCandidate[]>;
  /** The renewal profile was queued now; `dueForRenewal` leaves it alone for a while. */
  markRenewalRequested(deviceId: string, now: Date): Promise<void>;
  /** Where to push, for an enrolled computer that sent a TokenUpdate. */
  pushTarget(deviceId: string): Promise<PushTarget | undefined>;
  /** Apple took a push for the device. */
  markPushed(deviceId: string, now: Date): Promise<void>;
  /** Apple refused a push, or could not be reached. */
  markPushFailed(deviceId: string, error: string): Promise<void>;
  /**
   * Apple answered 410: the token is dead since `since`, unless the Mac sent
   * a newer TokenUpdate after that (`pushedToken` no longer the stored one).
   */
  markTokenDead(
    deviceId: string,
    pushedToken: Buffer,
    since: Date,
  ): Promise<void>;
  /** Fields the Mac reported in command results; the Mac was seen now. */
  updateReported(
    deviceId: string,
    reported: ReportedDeviceFields,
    now: Date,
  ): Promise<void>;
  /** The Mac was seen now. */
  touch(deviceId: string, now: Date): Promise<void>;
}
