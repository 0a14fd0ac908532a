import { z } from 'zod';
import { LANGUAGE_TAG, PORTAL_TEXT_KEYS } from '../portalTexts';
import { PORTAL_SETTINGS_LIMITS as limits } from '../types';

const text = (max: number) => z.string().max(max);

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
});

/**
 * What admins set for the enrollment portal: what `GET /settings` answers
 * and `PUT /settings` takes.
 *
 * @public
 */
export type PortalSettings = z.infer<typeof portalSettingsSchema>;

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
