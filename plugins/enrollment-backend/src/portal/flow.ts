import { PortalSettings } from '@macenroll/plugin-enrollment-common';
import { PortalSessionState } from '../database/PortalSessionStore';

/** The portal's steps, in order. */
export type PortalStep = 'login' | 'choose-user' | 'eula' | 'site' | 'download';

/**
 * Which step a session is at. Pure, so the order of steps is in one place:
 * log in (unless the invitation needs none) → with a local account, pick the
 * directory person the Mac is for → accept the EULA → choose a site → download.
 */
export function nextStep(options: {
  state: PortalSessionState;
  settings: PortalSettings;
  directoryConfigured: boolean;
  invitationHasSite: boolean;
  sitesExist: boolean;
}): PortalStep {
  const { state, settings } = options;
  if (!state.login) return 'login';
  if (
    state.login.kind === 'local' &&
    options.directoryConfigured &&
    !state.user?.username
  ) {
    return 'choose-user';
  }
  if (settings.eula.enabled && !state.eulaAccepted) return 'eula';
  if (
    settings.allowSiteChoice &&
    !options.invitationHasSite &&
    options.sitesExist &&
    !state.siteId
  ) {
    return 'site';
  }
  return 'download';
}
