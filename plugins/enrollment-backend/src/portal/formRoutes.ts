import express, { Request, RequestHandler } from 'express';
import { loginPage } from './views/pages';
import { formField, portalOf, PortalRoutes, sendPage } from './portalRequest';
import { otherMacBrowser } from './platform/macBrowser';
import { renderView } from './views/renderView';

/**
 * The forms the portal's steps post. Each body is small and flat, and
 * sessions.forForm checks its CSRF token before the flow sees it. Success
 * is a 303 back to the portal, so reloading the page posts nothing again.
 */
export function formRoutes(
  router: express.Router,
  routes: PortalRoutes,
  clientAddress: (req: Request) => string,
) {
  const forms = express.urlencoded({
    extended: false,
    limit: '16kb',
    parameterLimit: 20,
  });
  loginRoute(router, forms, routes, clientAddress);
  stepRoutes(router, forms, routes);
}

function loginRoute(
  router: express.Router,
  forms: RequestHandler,
  { deps, sessions, flow }: PortalRoutes,
  clientAddress: (req: Request) => string,
) {
  router.post('/login', forms, async (req, res) => {
    const { ctx, settings } = portalOf(res);
    const session = await sessions.forForm(req);
    const username = formField(req.body, 'username').trim();
    const refused = await flow.logIn(res, session, {
      username,
      password: formField(req.body, 'password'),
      address: clientAddress(req),
      settings,
    });
    if (!refused) return res.redirect(303, deps.portalPath);
    return sendPage(
      res,
      refused.status,
      loginPage(ctx, {
        csrf: session.csrfToken,
        error: refused.error,
        username: username.slice(0, 255),
      }),
    );
  });
}

function stepRoutes(
  router: express.Router,
  forms: RequestHandler,
  { deps, sessions, flow }: PortalRoutes,
) {
  router.post('/assign', forms, async (req, res) => {
    const { ctx, settings } = portalOf(res);
    const session = await sessions.forForm(req);
    if (!(await flow.chooseUser(session, formField(req.body, 'username')))) {
      const view = {
        kind: 'choose-user' as const,
        query: '',
        results: [],
        error: { key: 'chooseUser.pick' as const },
      };
      const page = renderView(ctx, view, {
        csrf: session.csrfToken,
        settings,
        otherBrowser: otherMacBrowser(req.get('user-agent')),
      });
      return sendPage(res, 400, page);
    }
    return res.redirect(303, deps.portalPath);
  });

  router.post('/eula', forms, async (req, res) => {
    const session = await sessions.forForm(req);
    await flow.acceptEula(session, formField(req.body, 'accept') === 'yes');
    return res.redirect(303, deps.portalPath);
  });

  router.post('/site', forms, async (req, res) => {
    const session = await sessions.forForm(req);
    const siteId = formField(req.body, 'siteId').slice(0, 64);
    await flow.chooseSite(session, siteId, portalOf(res).settings);
    return res.redirect(303, deps.portalPath);
  });

  router.post('/logout', forms, async (req, res) => {
    await sessions.end(res, await sessions.forForm(req));
    return res.redirect(303, deps.portalPath);
  });
}
