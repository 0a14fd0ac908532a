import type { PortalSettings, ReenrollmentSettings } from './api/settings';
import type { DeviceRules } from './api/deviceRules';

/**
 * The status of an enrollment invitation, derived in one place by the
 * backend from its recipients' delivery, its uses, expiry and cancellation:
 *
 * - `pending`: mail to at least one recipient is not yet handed to SMTP
 * - `sent`: every recipient's mail was accepted
 * - `active`: a link without recipients, handed out by the admin, usable
 * - `partially-sent`: some recipients' mail was accepted, some failed for good
 * - `failed`: no recipient's mail could be delivered
 * - `used`: a single-use invitation whose every link enrolled a Mac (each
 *   recipient's own link, or the invitation's link when it has no recipients)
 * - `expired`: its expiration date has passed
 * - `cancelled`: an admin cancelled it
 *
 * @public
 */
export type InvitationStatus =
  | 'pending'
  | 'sent'
  | 'active'
  | 'partially-sent'
  | 'failed'
  | 'used'
  | 'expired'
  | 'cancelled';

/** @public */
export const INVITATION_STATUSES: readonly InvitationStatus[] = [
  'pending',
  'sent',
  'active',
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
  /** What a Mac must be to enroll into the site; none when unset. */
  deviceRules?: DeviceRules;
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
  /**
   * Whether the recipient's mail carries a link of their own (invitations
   * made since per-recipient links; older ones share the invitation's).
   */
  ownLink: boolean;
  /** When a Mac first enrolled with the recipient's own link. */
  usedAt?: string;
}

/**
 * An invitation as listed.
 *
 * @public
 */
export interface Invitation {
  id: string;
  /** A short number for people to read out and search by: 1, 2, 3… */
  number: number;
  status: InvitationStatus;
  /** The first recipients (at most 10 in lists); see recipientCount. */
  recipients: string[];
  recipientCount: number;
  expiresAt: string;
  requireLogin: boolean;
  multipleUses: boolean;
  /**
   * How many Macs checked in with the invitation. A person who only
   * downloaded the profile holds a use for the SCEP challenge's lifetime but
   * is not counted.
   */
  timesUsed: number;
  /** The invitation's computers that are enrolled now (not unenrolled since). */
  enrolledComputers: number;
  site: SiteRef | null;
  /** Whether a re-enrolling computer keeps the site it already has. */
  keepExistingSite: boolean;
  subject?: string;
  message?: string;
  createdBy: string;
  createdAt: string;
  cancelledAt?: string;
  delivery: { pending: number; sent: number; failed: number };
  /**
   * How many serial numbers the invitation is limited to; 0 means any
   * Mac. The list itself is in `GET /invitations/:id/serial-numbers`.
   */
  serialAllowlistCount: number;
  /** What a Mac must be to enroll with it, on top of its site's rules. */
  deviceRules?: DeviceRules;
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
 * The answer to creating an invitation, with its link (which
 * `GET /invitations/:id/link` shows again to those who may create).
 *
 * @public
 */
export interface CreatedInvitation extends Invitation {
  /** `<backend.baseUrl>/enroll?invitation=CODE` */
  url: string;
}

/**
 * `GET /invitations/:id/link`: the invitation's link, or one recipient's own.
 *
 * @public
 */
export interface InvitationLink {
  /** `<backend.baseUrl>/enroll?invitation=CODE` */
  url: string;
  /** The recipient whose link it is; absent for the invitation's link. */
  recipient?: string;
}

/** @public */
export interface PageOf<T> {
  items: T[];
  /** Exact up to 10,000 matches; beyond, PostgreSQL's estimate (see totalCountIsEstimate). */
  totalCount: number;
  /** Set when totalCount is the database's estimate of a count above 10,000. */
  totalCountIsEstimate?: true;
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
export const COMPUTER_STATUSES: readonly ComputerStatus[] = [
  'enrolling',
  'enrolled',
  'unenrolled',
];

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
  /** Whether the Mac reports its MDM enrollment as user approved (SecurityInfo). */
  userApproved?: boolean;
  /** When the Mac last talked to the server. */
  lastSeenAt?: string;
}

/**
 * Whether the server can wake the Mac with an APNs push: `none` before its
 * first TokenUpdate (or after CheckOut), `active` with a live token,
 * `unregistered` after Apple answered 410 for the token (no pushes until a
 * new TokenUpdate), `failing` while Apple refuses or cannot be reached.
 *
 * @public
 */
export type PushStatus = 'none' | 'active' | 'unregistered' | 'failing';

/**
 * One computer with what the computer page shows.
 *
 * @public
 */
export interface ComputerDetails extends Computer {
  buildVersion?: string;
  productName?: string;
  push: {
    status: PushStatus;
    /** The last push Apple accepted. */
    lastPushedAt?: string;
    /** Apple's reason (or the connection error) for the last failed push. */
    lastError?: string;
  };
  /** The device identity certificate: serial and expiry, renewed before it expires. */
  identity?: { serialNumber: string; notAfter: string };
  unenrolledAt?: string;
}

/**
 * Where an MDM command is: queued for the Mac, sent to it, answered
 * Acknowledged or Error (CommandFormatError counts as error), or put off by
 * the Mac (NotNow; it comes back at the Mac's next poll).
 *
 * @public
 */
export type CommandStatus =
  | 'queued'
  | 'sent'
  | 'acknowledged'
  | 'error'
  | 'notnow';

/**
 * The commands an admin can send from the computer page.
 *
 * @public
 */
export type AdminCommandType =
  | 'DeviceInformation'
  | 'RestartDevice'
  | 'DeviceLock'
  | 'RemoveProfile';

/** @public */
export const ADMIN_COMMAND_TYPES: readonly AdminCommandType[] = [
  'DeviceInformation',
  'RestartDevice',
  'DeviceLock',
  'RemoveProfile',
];

/** @public */
export interface MdmCommand {
  commandUuid: string;
  requestType: string;
  status: CommandStatus;
  queuedAt: string;
  sentAt?: string;
  answeredAt?: string;
  /** The Mac's error text (ErrorChain), for status `error`. */
  error?: string;
}

/**
 * Where an enrollment event comes from: the first part of its type
 * (`portal.login-failed` is a `portal` event).
 *
 * @public
 */
export type EnrollmentEventCategory =
  | 'invitation'
  | 'portal'
  | 'scep'
  | 'mdm'
  | 'admin';

/** @public */
export const ENROLLMENT_EVENT_CATEGORIES: readonly EnrollmentEventCategory[] = [
  'invitation',
  'portal',
  'scep',
  'mdm',
  'admin',
];

/**
 * One entry of the activity log.
 *
 * @public
 */
export interface EnrollmentEvent {
  id: string;
  /** `<category>.<what>`, for example `portal.login-failed` or `mdm.enrolled`. */
  type: string;
  /** Who did it: a Backstage user ref, a portal username or a Mac's UDID. */
  actor?: string;
  invitationId?: string;
  computerId?: string;
  message: string;
  data?: Record<string, unknown>;
  createdAt: string;
}

/**
 * The longest values the settings take: the backend refuses more, and the
 * admin page says so while the admin types.
 *
 * @public
 */
export const PORTAL_SETTINGS_LIMITS = {
  organizationName: 200,
  supportContact: 300,
  stepText: 2000,
  eulaText: 50_000,
  languages: 40,
  ldapGroups: 100,
  ldapGroupName: 255,
  siteName: 200,
} as const;

/**
 * What re-enrollment does until an admin sets it: what it always did
 * (command history and inventory kept, the user replaced by the new one).
 *
 * @public
 */
export const DEFAULT_REENROLLMENT_SETTINGS: ReenrollmentSettings = {
  restrictToAuthorizedUsers: false,
  clearCommands: 'nothing',
  clearInventoryHistory: false,
  clearUserAndLocation: true,
  authorizedGroups: [],
};

/** @public */
export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  portalEnabled: true,
  skipCertificateInstallation: true,
  organizationName: '',
  supportContact: '',
  texts: {
    welcome:
      'Enroll your Mac to get the apps, settings and access you need for work.',
    login: 'Log in with your company account.',
    certificate:
      'First install the certificate that lets your Mac trust our device management.',
    profile:
      'The management profile lets IT keep your Mac secure and set up for work.',
    quickadd:
      'Download the enrollment package and open it. The installer walks you through the rest.',
  },
  translations: {},
  eula: { enabled: false, text: '' },
  allowSiteChoice: false,
  restrictToLdapGroups: [],
  allowReenrollment: true,
  reenrollment: DEFAULT_REENROLLMENT_SETTINGS,
};

/**
 * A local portal account as admins see it (never its password).
 *
 * @public
 */
export interface PortalAccount {
  username: string;
  disabled: boolean;
  /** `config` accounts come from app-config and are managed there. */
  source: 'config' | 'admin';
  /**
   * The account may enroll again a Mac recorded as someone else's while
   * re-enrollment is restricted to authorized users (Jamf's privilege).
   */
  mayReenrollAnyMac: boolean;
  /**
   * The person the account stands for (Jamf's standard account): a Mac
   * enrolled with it is recorded as `{ username, realName, email }`. An
   * account with neither names no person.
   */
  realName?: string;
  /** The person's e-mail; see realName. */
  email?: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * The shortest password a local portal account may have, wherever it is
 * set: app-config, the admin API and the admin page. The portal is public,
 * so its passwords face guessing from anywhere.
 *
 * @public
 */
export const PORTAL_PASSWORD_MIN_LENGTH = 12;

/**
 * The MDM push certificate as admins see it (never its key). `source` says
 * where it comes from: app-config (`enrollment.apns`) wins over an upload.
 *
 * @public
 */
export interface PushCertificateSummary {
  configured: boolean;
  source?: 'config' | 'upload';
  /** The APNs topic, the certificate's UID: `com.apple.mgmt.External.<uuid>`. */
  topic?: string;
  subject?: string;
  serialNumber?: string;
  notAfter?: string;
  /** True from 30 days before notAfter: renew it with the same Apple ID. */
  expiresSoon?: boolean;
  expired?: boolean;
}

/**
 * The management agent the server installs after enrollment
 * (InstallEnterpriseApplication, macOS 10.13.6+), as admins see it.
 *
 * @public
 */
export interface AgentPackageSummary {
  configured: boolean;
  /** `upload`: the backend serves the package itself; `url`: the Mac downloads it from `url`. */
  source?: 'upload' | 'url';
  url?: string;
  fileName?: string;
  /** Read from the package's Distribution or PackageInfo. */
  bundleId?: string;
  bundleVersion?: string;
  title?: string;
  sizeInBytes?: number;
  sha256?: string;
  /** Whether the package carries a signature; macOS installs only signed packages this way. */
  signed?: boolean;
  updatedAt?: string;
}
