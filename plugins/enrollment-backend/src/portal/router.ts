import express from 'express';
import Router from 'express-promise-router';
import { html } from './html';
import { portalPage } from './layout';

/**
 * The public enrollment portal under /enroll. It is opened to
 * unauthenticated callers in plugin.ts, so every input is hostile.
 */
export function createPortalRouter(options: {
  organization: string;
}): express.Router {
  const { organization } = options;
  const router = Router();

  router.get('/enroll', (_req, res) => {
    res
      .status(200)
      .type('html')
      .set('Cache-Control', 'no-store')
      .send(
        portalPage({
          title: 'Enroll your Mac',
          organization,
          body: html`<h1>Enroll your Mac</h1>
            <div class="card">
              <p>
                This is where you enroll your Mac into ${organization}'s device
                management.
              </p>
              <p>Enrollment is not open yet. Ask IT for an enrollment link.</p>
            </div>`,
        }),
      );
  });

  return router;
}
