import express from 'express';
import { PortalRoutes } from './portalRequest';
import { PORTAL_SCRIPT } from './views/portalScript';

/**
 * What the download step's script asks: whether the Mac of this browser's
 * enrollment has checked in, so the page can say so without a reload. It
 * tells nothing but that one bit, and only to the session's own cookie.
 */
export function statusRoutes(router: express.Router, routes: PortalRoutes) {
  const { sessions, flow } = routes;
  router.get('/status', async (req, res) => {
    const session = await sessions.load(req);
    const enrolled = session ? await flow.enrolled(session) : false;
    res.set('Cache-Control', 'no-store').json({ enrolled });
  });
  router.get('/portal.js', (_req, res) => {
    res
      .type('text/javascript')
      .set('Cache-Control', 'public, max-age=300')
      .send(PORTAL_SCRIPT);
  });
}
