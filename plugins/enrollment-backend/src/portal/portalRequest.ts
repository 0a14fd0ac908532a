import { PortalSettings } from '@macenroll/plugin-enrollment-common';
import { Response } from 'express';
import { portalTexts } from './language/PortalTexts';
import { PageContext } from './views/parts';
import { PortalDeps } from './PortalContext';
import { PortalFlow } from './PortalFlow';
import { PortalSessions } from './PortalSessions';

/** What every portal request knows once the settings are read. */
export interface Portal {
  ctx: PageContext;
  settings: PortalSettings;
}

/** What the portal's route groups share, made once a router. */
export interface PortalRoutes {
  deps: PortalDeps;
  sessions: PortalSessions;
  flow: PortalFlow;
}

/**
 * What pages show around their content. Without settings (they could not
 * be read) it is the configured organization's.
 */
export function pageContext(
  deps: Pick<PortalDeps, 'organization' | 'portalPath'>,
  settings?: PortalSettings,
  acceptLanguage?: string,
): PageContext {
  return {
    organization: settings?.organizationName || deps.organization,
    supportContact: settings?.supportContact ?? '',
    portalPath: deps.portalPath,
    texts: portalTexts(settings, acceptLanguage),
  };
}

/** Set by the router's first middleware, before any route runs. */
export const portalOf = (res: Response): Portal => res.locals.portal;

/** Pages carry a session's CSRF token or a person's data: never cached. */
export function sendPage(res: Response, status: number, body: string) {
  res.status(status).type('html').set('Cache-Control', 'no-store').send(body);
}

/** A form field as text; a missing or repeated field is empty. */
export const formField = (body: any, name: string): string =>
  typeof body?.[name] === 'string' ? body[name] : '';
