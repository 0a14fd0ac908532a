import { z } from 'zod';
import { LANGUAGE_TAG, PORTAL_TEXT_KEYS } from '../portalTexts';
import { PORTAL_SETTINGS_LIMITS as limits } from '../types';

const text = (max: number) => z.string().max(max);

/**
 * What re-enrollment clears of a Mac's command history: `errors` deletes
 * the commands the Mac answered with an error, `all-but-acknowledged`
 * keeps only those it acknowledged (pending ones are deleted too),
 * `everything` deletes it all. Pending commands left are ended, as every
 * Authenticate ends them, and stay in the history as not delivered.
 *
 * @public
 */
export const REENROLLMENT_COMMAND_CLEARING = [
  'nothing',
  'errors',
  'all-but-acknowledged',
  'everything',
] as const;

/**
 * Jamf Pro's re-enrollment settings (Settings › Computer Management ›
 * Re-enrollment), for a Mac the server already knows that enrolls again
 * with a new portal enrollment.
 *
 * @public
 */
export const reenrollmentSettingsSchema = z.strictObject({
  /**
   * Only the person recorded as the Mac's user (same portal login name,
   * any case), a portal account that may re-enroll any Mac or a member of
   * `authorizedGroups` may enroll it again; others are refused at
   * Authenticate.
   */
  restrictToAuthorizedUsers: z.boolean(),
  /** What to clear of the Mac's command history. */
  clearCommands: z.enum(REENROLLMENT_COMMAND_CLEARING),
  /** Delete the stored inventory results (DeviceInformation and the other queries). */
  clearInventoryHistory: z.boolean(),
  /**
   * Clear the recorded user and location. When off, a re-enrollment
   * without a logged-in user keeps the Mac's user.
   */
  clearUserAndLocation: z.boolean(),
  /**
   * Directory groups whose members may re-enroll any Mac while re-enrollment
   * is restricted, as the directory spells them (compared exactly, like
   * `restrictToLdapGroups`; read from the directory when the Mac
   * authenticates, so `enrollment.ldap.groups` must be configured). Left out of `PUT
   * /settings`, the saved groups stay.
   */
  authorizedGroups: z
    .array(z.string().trim().min(1).max(limits.ldapGroupName))
    .max(limits.ldapGroups)
    .optional(),
});

/** @public */
export type ReenrollmentSettings = Omit<
  z.infer<typeof reenrollmentSettingsSchema>,
  'authorizedGroups'
> & { authorizedGroups: string[] };

/**
 * `PUT /settings`: every setting at once (the backend takes only the whole
 * object), within {@link PORTAL_SETTINGS_LIMITS}. The backend also refuses
 * an enabled license agreement without text.
 *
 * @public
 */
export const portalSettingsSchema = z.strictObject({
  /** When off, the portal shows only a "closed" page. */
  portalEnabled: z.boolean(),
  /**
   * Offer only the MDM profile, not a separate CA certificate step. The CA
   * travels in the profile either way; the step only makes the profile show
   * as verified while it is installed (default: skipped).
   */
  skipCertificateInstallation: z.boolean(),
  /** Shown on the portal and in mail; empty means the configured organization. */
  organizationName: text(limits.organizationName),
  /** How people reach IT, shown on every portal page (e.g. an address or phone). */
  supportContact: text(limits.supportContact),
  /** The texts of the portal's steps. */
  texts: z.strictObject({
    welcome: text(limits.stepText),
    login: text(limits.stepText),
    certificate: text(limits.stepText),
    profile: text(limits.stepText),
    quickadd: text(limits.stepText),
  }),
  /**
   * The portal's texts in other languages (and English ones changed), by
   * language tag: the portal answers in the language of Accept-Language
   * it has, and shows any text a language leaves out in English.
   */
  translations: z
    .record(
      z.string().regex(LANGUAGE_TAG, {
        error: 'a language is a tag such as fr, de-CH or pt-BR',
      }),
      z.partialRecord(
        z.enum(PORTAL_TEXT_KEYS as [string, ...string[]]),
        text(limits.stepText),
      ),
    )
    .refine(all => Object.keys(all).length <= limits.languages, {
      error: `at most ${limits.languages} languages`,
    }),
  /** An end-user license agreement the person must accept before downloading. */
  eula: z.strictObject({
    enabled: z.boolean(),
    text: text(limits.eulaText),
  }),
  /** Let the person choose a site when the invitation names none. */
  allowSiteChoice: z.boolean(),
  /** Directory groups whose members may enroll; empty allows every directory user. */
  restrictToLdapGroups: z
    .array(z.string().trim().min(1).max(limits.ldapGroupName))
    .max(limits.ldapGroups),
  /** Whether a computer that is already enrolled may enroll again. */
  allowReenrollment: z.boolean(),
  /**
   * Who may enroll a known Mac again and what that clears. Optional in
   * `PUT /settings` for clients older than it: left out, the saved rules stay.
   */
  reenrollment: reenrollmentSettingsSchema.optional(),
});

/**
 * What admins set for the enrollment portal: what `GET /settings` answers
 * and `PUT /settings` takes.
 *
 * @public
 */
export type PortalSettings = z.infer<typeof portalSettingsSchema> & {
  reenrollment: ReenrollmentSettings;
};

/**
 * `POST /mail/test`: the address Settings' test message goes to.
 *
 * @public
 */
export const testMailRequestSchema = z.strictObject({
  to: z.string().trim().min(3).max(320),
});

/** @public */
export type TestMailRequest = z.infer<typeof testMailRequestSchema>;
