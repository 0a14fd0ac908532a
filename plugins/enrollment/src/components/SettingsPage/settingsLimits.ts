import {
  PORTAL_SETTINGS_LIMITS,
  PortalSettings,
} from '@macenroll/plugin-enrollment-common';
import { EnrollmentT, englishT } from '../../utils/translate';

// The backend's limits, checked here too so the admin learns of them while
// typing instead of from a refused save.
export const MAX_ORGANIZATION_NAME = PORTAL_SETTINGS_LIMITS.organizationName;
export const MAX_SUPPORT_CONTACT = PORTAL_SETTINGS_LIMITS.supportContact;
export const MAX_STEP_TEXT = PORTAL_SETTINGS_LIMITS.stepText;
export const MAX_EULA_TEXT = PORTAL_SETTINGS_LIMITS.eulaText;
export const MAX_GROUPS = PORTAL_SETTINGS_LIMITS.ldapGroups;
export const MAX_GROUP_NAME = PORTAL_SETTINGS_LIMITS.ldapGroupName;
export const MAX_SITE_NAME = PORTAL_SETTINGS_LIMITS.siteName;

/** An enabled agreement without text would show people an empty page. */
export function eulaMissing(settings: PortalSettings): boolean {
  return settings.eula.enabled && !settings.eula.text.trim();
}

/** Why the settings cannot be saved as they are; empty when they can. */
export function settingsProblems(
  settings: PortalSettings,
  t: EnrollmentT = englishT,
): string[] {
  const problems: string[] = [];
  if (eulaMissing(settings)) {
    problems.push(t('settings.problems.eulaMissing'));
  }
  if (settings.organizationName.length > MAX_ORGANIZATION_NAME) {
    problems.push(
      t('settings.problems.organizationName', {
        max: String(MAX_ORGANIZATION_NAME),
      }),
    );
  }
  if (settings.supportContact.length > MAX_SUPPORT_CONTACT) {
    problems.push(
      t('settings.problems.supportContact', {
        max: String(MAX_SUPPORT_CONTACT),
      }),
    );
  }
  if (Object.values(settings.texts).some(text => text.length > MAX_STEP_TEXT)) {
    problems.push(
      t('settings.problems.stepText', { max: String(MAX_STEP_TEXT) }),
    );
  }
  if (settings.eula.text.length > MAX_EULA_TEXT) {
    problems.push(
      t('settings.problems.eulaText', { max: String(MAX_EULA_TEXT) }),
    );
  }
  return problems;
}
