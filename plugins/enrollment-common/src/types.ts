/**
 * The status of an enrollment invitation, derived in one place by the
 * backend from its recipients' delivery, its uses, expiry and cancellation:
 *
 * - `pending`: mail to at least one recipient is not yet handed to SMTP
 * - `sent`: every recipient's mail was accepted (or the invitation is a link
 *   without recipients, handed out by the admin)
 * - `partially-sent`: some recipients' mail was accepted, some failed for good
 * - `failed`: no recipient's mail could be delivered
 * - `used`: a single-use invitation that a computer enrolled with
 * - `expired`: its expiration date has passed
 * - `cancelled`: an admin cancelled it
 *
 * @public
 */
export type InvitationStatus =
  | 'pending'
  | 'sent'
  | 'partially-sent'
  | 'failed'
  | 'used'
  | 'expired'
  | 'cancelled';

/** @public */
export const INVITATION_STATUSES: readonly InvitationStatus[] = [
  'pending',
  'sent',
  'partially-sent',
  'failed',
  'used',
  'expired',
  'cancelled',
];

/**
 * Where one recipient's mail stands: `sending` while a worker holds it.
 *
 * @public
 */
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed';

/** @public */
export interface SiteRef {
  id: string;
  name: string;
}

/** @public */
export interface Site extends SiteRef {
  createdAt: string;
  updatedAt: string;
}

/** @public */
export interface InvitationRecipient {
  email: string;
  state: DeliveryState;
  attempts: number;
  /** The last SMTP error, kept while retrying and when the delivery failed. */
  lastError?: string;
  sentAt?: string;
  nextAttemptAt?: string;
}

/**
 * An invitation as listed.
 *
 * @public
 */
export interface Invitation {
  id: string;
  status: InvitationStatus;
  /** The first recipients (at most 10 in lists); see recipientCount. */
  recipients: string[];
  recipientCount: number;
  expiresAt: string;
  requireLogin: boolean;
  multipleUses: boolean;
  timesUsed: number;
  site: SiteRef | null;
  /** Whether a re-enrolling computer keeps the site it already has. */
  keepExistingSite: boolean;
  subject?: string;
  message?: string;
  createdBy: string;
  createdAt: string;
  cancelledAt?: string;
  delivery: { pending: number; sent: number; failed: number };
}

/**
 * One invitation with every recipient's delivery state.
 *
 * @public
 */
export interface InvitationDetails extends Invitation {
  recipientDetails: InvitationRecipient[];
}

/**
 * The answer to creating an invitation: the only time the link is shown.
 *
 * @public
 */
export interface CreatedInvitation extends Invitation {
  /** `<backend.baseUrl>/enroll?invitation=CODE` */
  url: string;
}

/** @public */
export interface CreateInvitationRequest {
  recipients: string[];
  expiresAt: string;
  requireLogin: boolean;
  multipleUses: boolean;
  siteId?: string;
  keepExistingSite?: boolean;
  subject?: string;
  message?: string;
}

/** @public */
export type InvitationOrderBy = 'createdAt' | 'expiresAt' | 'timesUsed' | 'status';

/** @public */
export interface ListInvitationsQuery {
  offset?: number;
  limit?: number;
  orderBy?: InvitationOrderBy;
  order?: 'asc' | 'desc';
  status?: InvitationStatus[];
  siteId?: string;
  /** Matches recipients' addresses (substring, case-insensitive). */
  search?: string;
}

/** @public */
export interface PageOf<T> {
  items: T[];
  totalCount: number;
  offset: number;
  limit: number;
}

/**
 * The person a computer belongs to, with their location fields.
 *
 * @public
 */
export interface ComputerUser {
  username?: string;
  realName?: string;
  email?: string;
  department?: string;
  building?: string;
  room?: string;
  phone?: string;
  position?: string;
}

/** @public */
export type ComputerStatus = 'enrolling' | 'enrolled' | 'unenrolled';

/** @public */
export interface Computer {
  id: string;
  udid: string;
  serialNumber?: string;
  name?: string;
  model?: string;
  osVersion?: string;
  status: ComputerStatus;
  enrolledAt?: string;
  user: ComputerUser;
  site: SiteRef | null;
  invitationId?: string;
}

/** @public */
export interface ListComputersQuery {
  offset?: number;
  limit?: number;
  siteId?: string;
  search?: string;
}
