import { LoggerService } from '@backstage/backend-plugin-api';
import { EnrollmentStore } from '../database/EnrollmentStore';
import { EventRecorder } from '../database/EventStore';
import { InvitationStore } from '../database/InvitationStore';
import { PortalSessionStore } from '../database/PortalSessionStore';
import { SettingsStore } from '../database/SettingsStore';
import { SiteStore } from '../database/SiteStore';
import { LdapDirectory } from '../ldap';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { EnrollmentProfileService } from '../mdm/EnrollmentProfileService';
import { PortalLogin } from './PortalLogin';

/** Everything the portal's routes use. */
export interface PortalDeps {
  /** The configured organization, unless the settings name another. */
  organization: string;
  /** Path of the portal as the browser sees it, e.g. `/api/enrollment/enroll`. */
  portalPath: string;
  /** Whether cookies get the Secure flag (the backend is served over HTTPS). */
  secureCookies: boolean;
  sessions: PortalSessionStore;
  enrollments: EnrollmentStore;
  invitations: InvitationStore;
  sites: SiteStore;
  settings: SettingsStore;
  events: EventRecorder;
  login: PortalLogin;
  directory?: LdapDirectory;
  ca: CertificateAuthority;
  profiles: EnrollmentProfileService;
  /** Package identifier of the QuickAdd package. */
  quickAddIdentifier: string;
  logger: LoggerService;
  clock?: () => Date;
}

export const SESSION_TTL_MS = 30 * 60_000;
export const DOWNLOAD_TOKEN_TTL_MS = 10 * 60_000;
/** A started enrollment stays open this long for the Mac to check in. */
export const ENROLLMENT_TTL_MS = 24 * 3600_000;
