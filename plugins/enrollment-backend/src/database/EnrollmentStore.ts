import {
  ComputerUser,
  DeviceRefusal,
} from '@macenroll/plugin-enrollment-common';

/** An enrollment a portal session started: whose Mac, which invitation and site. */
export interface PendingEnrollment {
  id: string;
  sessionIdHash: string;
  invitationId?: string;
  /** The recipient whose own link the invitation came by. */
  recipientId?: number;
  siteId?: string;
  keepExistingSite: boolean;
  loginKind: 'ldap' | 'local' | 'none';
  loginName?: string;
  user: ComputerUser;
  platform: string;
  createdAt: Date;
  expiresAt: Date;
  completedAt?: Date;
  /** The Mac that first authenticated with this enrollment's identity. */
  udid?: string;
  /** Why the device rules refused the last Mac that authenticated with it. */
  refusal?: DeviceRefusal;
}

export type DownloadPurpose = 'ca' | 'profile' | 'quickadd';

/**
 * What the portal knows of an enrollment when it starts one; its id when
 * the portal chose one first (to reserve the invitation under it).
 */
export type NewEnrollment = Omit<
  PendingEnrollment,
  'id' | 'completedAt' | 'udid' | 'refusal'
> & { id?: string };

/** A download token to issue: one download of this session's enrollment. */
export interface NewDownloadToken {
  sessionIdHash: string;
  enrollmentId: string;
  purpose: DownloadPurpose;
  ttlMs: number;
  now: Date;
}

/** A download token presented by a session, for one purpose. */
export interface DownloadTokenRedemption {
  token: string;
  sessionIdHash: string;
  purpose: DownloadPurpose;
  now: Date;
}

/** Enrollments started at the portal and the download tokens bound to them. */
export interface EnrollmentStore {
  /** Starts an enrollment under a new id. */
  create(enrollment: NewEnrollment): Promise<PendingEnrollment>;
  /** An enrollment, completed or not, expired or not. */
  get(id: string): Promise<PendingEnrollment | undefined>;
  /** A new token for one download of this session's enrollment. */
  issueToken(options: NewDownloadToken): Promise<string>;
  /**
   * The enrollment a token opens, if the token exists, is for this purpose,
   * belongs to this session and has not expired, and its Mac has not yet
   * checked in (then there is nothing left to download).
   */
  redeemToken(
    options: DownloadTokenRedemption,
  ): Promise<PendingEnrollment | undefined>;
  /**
   * Binds the enrollment to the Mac authenticating with it; true when it is
   * now this Mac's. Atomic: of two Macs racing, one wins.
   */
  claimMac(id: string, udid: string): Promise<boolean>;
  /**
   * Notes that the device rules refused a Mac authenticating with it, for
   * the portal to tell its person; nothing else changes.
   */
  refuse(id: string, refusal: DeviceRefusal): Promise<void>;
  /**
   * The enrollment's Mac checked in; the first completion's date stays.
   * True for the first completion only.
   */
  complete(id: string, now: Date): Promise<boolean>;
  /**
   * Forgets expired download tokens, and enrollments that expired without a
   * Mac checking in and that no identity refers to. A completed enrollment
   * stays: its identities and computer name it.
   */
  deleteExpired(now: Date): Promise<void>;
}
