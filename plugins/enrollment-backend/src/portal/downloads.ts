import { PortalSettings } from '@macenroll/plugin-enrollment-common';
import express, { Request, Response } from 'express';
import Router from 'express-promise-router';
import {
  DownloadPurpose,
  PendingEnrollment,
} from '../database/EnrollmentStore';
import { PortalSession } from '../database/PortalSessionStore';
import { buildQuickAddPackage } from '../quickadd/quickAddPackage';
import { closedPage, PageContext, problemPage } from './pages';
import { PortalDeps } from './PortalContext';

/** A download link that opened: its enrollment and the page's context. */
interface Redeemed {
  enrollment: PendingEnrollment;
  ctx: PageContext;
  settings: PortalSettings;
}

/** Safe for a Content-Disposition filename: letters, digits and a few marks. */
function fileName(text: string): string {
  return (
    text
      .replace(/[^A-Za-z0-9 ._-]+/g, '')
      .trim()
      .slice(0, 60) || 'Enrollment'
  );
}

/**
 * The download links of the last step. Each needs the portal session's
 * cookie and a short-lived token for that one file, so a link that leaks
 * (history, a forwarded screenshot) opens nothing on its own.
 */
export function createDownloadRoutes(
  deps: PortalDeps,
  helpers: {
    loadSession(req: Request): Promise<PortalSession | undefined>;
    context(): Promise<{ ctx: PageContext; settings: PortalSettings }>;
    send(res: Response, status: number, body: string): void;
  },
): express.Router {
  const router = Router();
  const now = () => deps.clock?.() ?? new Date();

  async function redeem(
    req: Request,
    res: Response,
    purpose: DownloadPurpose,
  ): Promise<Redeemed | undefined> {
    const { ctx, settings } = await helpers.context();
    if (!settings.portalEnabled) {
      helpers.send(res, 503, closedPage(ctx));
      return undefined;
    }
    const session = await helpers.loadSession(req);
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const enrollment =
      session &&
      (await deps.enrollments.redeemToken({
        token,
        sessionIdHash: session.idHash,
        purpose,
        now: now(),
      }));
    if (!enrollment) {
      helpers.send(
        res,
        403,
        problemPage(
          ctx,
          'This download link has expired',
          'Download links work for a few minutes, in the browser that opened the enrollment page.',
          'Go back to the enrollment page to get a new link.',
        ),
      );
      return undefined;
    }
    return { enrollment, ctx, settings };
  }

  router.get('/enroll/ca.cer', async (req, res) => {
    const ok = await redeem(req, res, 'ca');
    if (!ok) return;
    res
      .status(200)
      .type('application/x-x509-ca-cert')
      .set('Cache-Control', 'no-store')
      .set(
        'Content-Disposition',
        `attachment; filename="${fileName(ok.ctx.organization)} CA.cer"`,
      )
      .send(deps.ca.certificateDer);
  });

  /** 503 with a page when no profile a Mac could use can be made. */
  async function profilesUnavailable(
    res: Response,
    ctx: PageContext,
  ): Promise<boolean> {
    const problem = await deps.profiles.problem();
    if (!problem) return false;
    helpers.send(
      res,
      503,
      problem.kind === 'no-topic'
        ? problemPage(
            ctx,
            'Enrollment is not set up yet',
            'This server has no MDM push certificate, so it cannot give out the management profile.',
            'Tell IT: upload the MDM push certificate in Settings (or set enrollment.apns).',
          )
        : problemPage(
            ctx,
            'Enrollment is not set up yet',
            'This server would tell your Mac to reach it over an unencrypted http:// address, which macOS refuses for device management.',
            'Tell IT: serve Backstage over https (backend.baseUrl), or set enrollment.allowInsecureUrls for a demo.',
          ),
    );
    return true;
  }

  /** This enrollment's profile, with the CA unless the settings skip it. */
  const signedProfile = (ok: Redeemed) =>
    deps.profiles.signedProfile(ok.enrollment, {
      organization: ok.ctx.organization,
      includeCa: !ok.settings.skipCertificateInstallation,
    });

  router.get('/enroll/profile.mobileconfig', async (req, res) => {
    const ok = await redeem(req, res, 'profile');
    if (!ok || (await profilesUnavailable(res, ok.ctx))) return;
    const profile = await signedProfile(ok);
    res
      .status(200)
      .type('application/x-apple-aspen-config')
      .set('Cache-Control', 'no-store')
      .set(
        'Content-Disposition',
        `attachment; filename="${fileName(
          ok.ctx.organization,
        )} Enrollment.mobileconfig"`,
      )
      .send(profile);
  });

  router.get('/enroll/quickadd.pkg', async (req, res) => {
    const ok = await redeem(req, res, 'quickadd');
    if (!ok || (await profilesUnavailable(res, ok.ctx))) return;
    const profile = await signedProfile(ok);
    const pkg = buildQuickAddPackage({
      organization: ok.ctx.organization,
      identifier: deps.quickAddIdentifier,
      profile,
      now: now(),
    });
    res
      .status(200)
      .type('application/octet-stream')
      .set('Cache-Control', 'no-store')
      .set(
        'Content-Disposition',
        `attachment; filename="${fileName(ok.ctx.organization)} QuickAdd.pkg"`,
      )
      .send(pkg);
  });

  return router;
}
