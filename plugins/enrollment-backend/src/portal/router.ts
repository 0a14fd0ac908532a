import { isError } from '@backstage/errors';
import { PortalSettings } from '@macenroll/plugin-enrollment-common';
import express, { NextFunction, Request, Response } from 'express';
import Router from 'express-promise-router';
import { requestRefusal } from '../lib/requestRefusal';
import { createClientAddress } from './clientAddress';
import { createDownloadRoutes } from './downloads';
import { loginPage, PageContext, unsupportedPage } from './pages';
import { classifyPlatform } from './platform/classifyPlatform';
import { PortalDeps, SESSION_TTL_MS } from './PortalContext';
import { PortalFlow } from './PortalFlow';
import { PortalSessions } from './PortalSessions';
import { PortalProblem, problems } from './problems';
import { renderProblem, renderView } from './views';

/** What every portal request knows once the settings are read. */
interface Portal {
  ctx: PageContext;
  settings: PortalSettings;
}

function send(res: Response, status: number, body: string) {
  res.status(status).type('html').set('Cache-Control', 'no-store').send(body);
}

const field = (body: any, name: string): string =>
  typeof body?.[name] === 'string' ? body[name] : '';

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
  const flow = new PortalFlow({ ...deps, sessions });
  const forms = express.urlencoded({
    extended: false,
    limit: '16kb',
    parameterLimit: 20,
  });
  const portalOf = (res: Response): Portal => res.locals.portal;
  const contextOf = (settings?: PortalSettings): PageContext => ({
    organization: settings?.organizationName || deps.organization,
    supportContact: settings?.supportContact ?? '',
    portalPath: deps.portalPath,
  });

  // The settings, read once a request; closing the portal stops sessions
  // and download links already open, not only new visits.
  router.use(async (_req, res, next) => {
    const settings = await deps.settings.get();
    res.locals.portal = { settings, ctx: contextOf(settings) };
    if (!settings.portalEnabled) throw problems.closed();
    next();
  });

  router.get('/', async (req, res) => {
    const { ctx, settings } = portalOf(res);
    const platform = classifyPlatform(req.get('user-agent'));
    if (platform.kind === 'unsupported') {
      return send(res, 200, unsupportedPage(ctx, platform.device));
    }
    if (req.query.invitation !== undefined) {
      const invitation = await flow.openInvitation(req.query.invitation);
      const session = await sessions.start(res, invitation.id);
      if (!invitation.requireLogin) {
        await sessions.update(session, { login: { kind: 'none' } });
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
    return send(
      res,
      200,
      renderView(ctx, view, { csrf: session.csrfToken, settings }),
    );
  });

  router.post('/login', forms, async (req, res) => {
    const { ctx, settings } = portalOf(res);
    const session = await sessions.forForm(req);
    const username = field(req.body, 'username').trim();
    const refused = await flow.logIn(res, session, {
      username,
      password: field(req.body, 'password'),
      address: clientAddress(req),
      settings,
    });
    if (!refused) return res.redirect(303, deps.portalPath);
    return send(
      res,
      refused.status,
      loginPage(ctx, {
        csrf: session.csrfToken,
        intro: settings.texts.login,
        welcome: settings.texts.welcome,
        error: refused.error,
        username: username.slice(0, 255),
      }),
    );
  });

  router.post('/assign', forms, async (req, res) => {
    const { ctx, settings } = portalOf(res);
    const session = await sessions.forForm(req);
    if (!(await flow.chooseUser(session, field(req.body, 'username')))) {
      const view = {
        kind: 'choose-user' as const,
        query: '',
        results: [],
        error: 'Choose the person from the search results.',
      };
      const page = renderView(ctx, view, { csrf: session.csrfToken, settings });
      return send(res, 400, page);
    }
    return res.redirect(303, deps.portalPath);
  });

  router.post('/eula', forms, async (req, res) => {
    const session = await sessions.forForm(req);
    await flow.acceptEula(session, field(req.body, 'accept') === 'yes');
    return res.redirect(303, deps.portalPath);
  });

  router.post('/site', forms, async (req, res) => {
    const session = await sessions.forForm(req);
    const siteId = field(req.body, 'siteId').slice(0, 64);
    await flow.chooseSite(session, siteId, portalOf(res).settings);
    return res.redirect(303, deps.portalPath);
  });

  router.post('/logout', forms, async (req, res) => {
    await sessions.end(res, await sessions.forForm(req));
    return res.redirect(303, deps.portalPath);
  });

  router.use(createDownloadRoutes(deps, { sessions, portalOf }));

  router.use(() => {
    throw problems.pageNotFound();
  });

  // Refusals are pages in the person's words; details go to the log only.
  router.use(
    (error: unknown, req: Request, res: Response, _next: NextFunction) => {
      const ctx = (res.locals.portal as Portal | undefined)?.ctx ?? contextOf();
      const refused = requestRefusal(error);
      let problem: PortalProblem;
      if (error instanceof PortalProblem) {
        problem = error;
      } else if (refused) {
        problem = problems.formUnreadable(refused.status, refused.kind);
      } else {
        deps.logger.error(
          `Enrollment portal error on ${req.method} ${req.baseUrl}${
            req.path
          }: ${isError(error) ? error.message : error}`,
        );
        problem =
          isError(error) && error.name === 'ServiceUnavailableError'
            ? problems.directoryUnavailable()
            : problems.unexpected();
      }
      send(res, problem.status, renderProblem(ctx, problem));
    },
  );

  return router;
}
