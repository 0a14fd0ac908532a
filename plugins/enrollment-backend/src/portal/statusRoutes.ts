import express from 'express';
import { PortalRoutes } from './portalRequest';
import { PORTAL_SCRIPT } from './views/portalScript';

/**
 * What the download step's script asks: whether the Mac of this browser's
 * enrollment has checked in, or was refused by the device rules, so the
 * page can say so without a reload. It tells nothing but those two bits,
 * and only to the session's own cookie.
 */
export function statusRoutes(router: express.Router, routes: PortalRoutes) {
  const { sessions, flow } = routes;
  router.get('/status', async (req, res) => {
    const session = await sessions.load(req);
    const enrolled = session ? await flow.enrolled(session) : false;
    // A refused Mac: the page reloads to say why instead of waiting.
    const refused = session && !enrolled && (await flow.refusal(session));
    res
      .set('Cache-Control', 'no-store')
      .json(refused ? { enrolled, refused: true } : { enrolled });
  });
  router.get('/portal.js', (_req, res) => {
    res
      .type('text/javascript')
      .set('Cache-Control', 'public, max-age=300')
      .send(PORTAL_SCRIPT);
  });
}
