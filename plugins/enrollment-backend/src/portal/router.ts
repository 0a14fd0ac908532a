import express, { RequestHandler } from 'express';
import Router from 'express-promise-router';
import { createClientAddress } from './clientAddress';
import { createDownloadRoutes } from './downloads';
import { formRoutes } from './formRoutes';
import { unsupportedPage } from './views/pages';
import { classifyPlatform } from './platform/classifyPlatform';
import { PortalDeps, SESSION_TTL_MS } from './PortalContext';
import { PortalFlow } from './PortalFlow';
import { pageContext, portalOf, PortalRoutes, sendPage } from './portalRequest';
import { PortalSessions } from './PortalSessions';
import { problemPage } from './problemPage';
import { problems } from './problems';
import { statusRoutes } from './statusRoutes';
import { otherMacBrowser } from './platform/macBrowser';
import { renderView } from './views/renderView';

/**
 * The public enrollment portal, mounted at `/enroll`. It is opened to
 * unauthenticated callers in plugin.ts, so every input is hostile: forms
 * carry a CSRF token, every page escapes what it shows, refusals are pages
 * (problems.ts), never stack traces. The rules live in PortalFlow; this
 * only maps HTTP to it.
 */
export function createPortalRouter(deps: PortalDeps): express.Router {
  const router = Router();
  const now = () => deps.clock?.() ?? new Date();
  const clientAddress = createClientAddress(deps.logger);
  const sessions = new PortalSessions({
    store: deps.sessions,
    portalPath: deps.portalPath,
    secureCookies: deps.secureCookies,
    ttlMs: SESSION_TTL_MS,
    now,
  });
  const routes: PortalRoutes = {
    deps,
    sessions,
    flow: new PortalFlow({ ...deps, sessions }),
  };

  router.use(settingsOfRequest(deps));
  homeRoute(router, routes);
  statusRoutes(router, routes);
  formRoutes(router, routes, clientAddress);
  router.use(
    createDownloadRoutes(deps, {
      sessions,
      portalOf,
      reserveInvitation: e => routes.flow.reserveInvitation(e),
    }),
  );
  router.use(() => {
    throw problems.pageNotFound();
  });
  router.use(problemPage(deps));
  return router;
}

/**
 * The settings, read once a request; closing the portal stops sessions
 * and download links already open, not only new visits.
 */
function settingsOfRequest(deps: PortalDeps): RequestHandler {
  return async (req, res, next) => {
    const settings = await deps.settings.get();
    res.locals.portal = {
      settings,
      ctx: pageContext(deps, settings, req.get('accept-language')),
    };
    if (!settings.portalEnabled) throw problems.closed();
    next();
  };
}

/** The portal's one page: the step the session is at, or an invitation opened. */
function homeRoute(router: express.Router, routes: PortalRoutes) {
  const { deps, sessions, flow } = routes;
  router.get('/', async (req, res) => {
    const { ctx, settings } = portalOf(res);
    const platform = classifyPlatform(req.get('user-agent'));
    if (platform.kind === 'unsupported') {
      return sendPage(res, 200, unsupportedPage(ctx, platform.device));
    }
    if (req.query.invitation !== undefined) {
      const { invitation, recipientId } = await flow.openInvitation(
        req.query.invitation,
      );
      const session = await sessions.start(res, invitation.id);
      if (!invitation.requireLogin || recipientId !== undefined) {
        await sessions.update(session, {
          recipientId,
          login: invitation.requireLogin ? undefined : { kind: 'none' },
        });
      }
      // The code leaves the address bar (and the browser history) right away.
      return res.redirect(303, deps.portalPath);
    }
    const session = (await sessions.load(req)) ?? (await sessions.start(res));
    const view = await flow.view(session, {
      settings,
      platform,
      query: typeof req.query.q === 'string' ? req.query.q : undefined,
    });
    return sendPage(
      res,
      200,
      renderView(ctx, view, {
        csrf: session.csrfToken,
        settings,
        otherBrowser: otherMacBrowser(req.get('user-agent')),
      }),
    );
  });
}
