import {
  DeviceRules,
  Invitation,
  InvitationDetails,
  ListInvitationsQuery,
} from '@macenroll/plugin-enrollment-common';
import { ListTotal } from './listCount';
import { SiteFilter } from './siteFilter';

/** What the store needs to create an invitation. */
export interface NewInvitation {
  id: string;
  codeNonce: string;
  codeHash: string;
  /** Each recipient with the SHA-256 of their own link's code. */
  recipients: Array<{ email: string; codeHash: string }>;
  expiresAt: Date;
  requireLogin: boolean;
  multipleUses: boolean;
  siteId?: string;
  keepExistingSite: boolean;
  subject?: string;
  message?: string;
  createdBy: string;
  createdAt: Date;
  /** Only Macs with these serial numbers (normalized) may enroll with it. */
  serialNumbers?: string[];
  deviceRules?: DeviceRules;
}

/**
 * What an invitation asks of a Mac at Authenticate: its device rules, and
 * whether the Mac's serial number is on its allowlist (undefined when the
 * invitation lists none, so any Mac may enroll).
 */
export interface InvitationAdmission {
  deviceRules?: DeviceRules;
  serialListed?: boolean;
}

/** Where a code leads: an invitation's own link, or one recipient's. */
export interface InvitationLinkRef {
  invitationId: string;
  recipientId?: number;
}

/**
 * One enrollment's claim on a link: the invitation, the recipient whose
 * link it came by (if any), and the enrollment holding it.
 */
export interface InvitationUse extends InvitationLinkRef {
  enrollmentId: string;
}

/**
 * The answer to reserving a use: `reserved` (the enrollment holds the link
 * until the given time), `in-use` (another enrollment holds it), `used` (a
 * Mac enrolled with it), `unusable` (cancelled, expired or gone).
 */
export type UseReservation = 'reserved' | 'in-use' | 'used' | 'unusable';

/** Enrollment invitations and their recipients. */
export interface InvitationStore {
  create(invitation: NewInvitation): Promise<InvitationDetails>;
  /** One invitation, if it exists and the filter allows it. */
  get(
    id: string,
    now: Date,
    filter?: SiteFilter,
  ): Promise<InvitationDetails | undefined>;
  /** Who made an invitation, and its number: what an event about it names. */
  getOwner(
    id: string,
  ): Promise<{ id: string; number: number; createdBy: string } | undefined>;
  /** The secret-derivation input of an invitation (nonce), for its link. */
  getCodeNonce(id: string): Promise<string | undefined>;
  /**
   * A page of the invitations the filter allows, and how many match in all
   * (exact up to EXACT_COUNT_LIMIT, see ListTotal).
   */
  list(
    query: Required<
      Pick<ListInvitationsQuery, 'offset' | 'limit' | 'orderBy' | 'order'>
    > &
      ListInvitationsQuery,
    now: Date,
    filter?: SiteFilter,
  ): Promise<{ items: Invitation[] } & ListTotal>;
  /** Marks it cancelled; recipients still pending are not mailed any more. */
  cancel(id: string, now: Date): Promise<void>;
  /**
   * Deletes the invitation and its recipients (mail not yet sent is not
   * sent). Computers and started enrollments stay, detached from it; a
   * portal session that came with it is told the invitation is gone.
   */
  delete(id: string): Promise<void>;
  /** Puts the given recipients back in the mail queue, due now. */
  requeue(id: string, emails: string[]): Promise<void>;
  /** The link a code's hash belongs to, and whether a Mac enrolled with it. */
  findLink(
    codeHash: string,
  ): Promise<(InvitationLinkRef & { used: boolean }) | undefined>;
  /** One recipient of an invitation, by address (any case). */
  findRecipient(
    id: string,
    email: string,
  ): Promise<{ id: number; email: string; ownLink: boolean } | undefined>;
  /**
   * Reserves the link for the enrollment until `until`, atomically: of
   * racing enrollments one gets a single-use link; a reservation that
   * lapsed is free again, and the holder renews its own. A multiple-use
   * link is reserved for everyone while the invitation is usable.
   */
  reserveUse(
    use: InvitationUse,
    times: { until: Date; now: Date },
  ): Promise<UseReservation>;
  /**
   * Counts a Mac that checked in with the link: times used goes up, the
   * link (single-use) or the recipient's link is marked used, and the
   * status follows.
   */
  recordUse(use: InvitationUse, now: Date): Promise<void>;
  /** The serial numbers an invitation is limited to, sorted; empty for none. */
  serialNumbers(id: string): Promise<string[]>;
  /** What the invitation asks of the Mac with this serial number. */
  admission(
    id: string,
    serialNumber: string | undefined,
  ): Promise<InvitationAdmission | undefined>;
}
