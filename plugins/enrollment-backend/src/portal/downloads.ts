import { PortalSettings } from '@macenroll/plugin-enrollment-common';
import express, { Request, Response } from 'express';
import Router from 'express-promise-router';
import {
  DownloadPurpose,
  PendingEnrollment,
} from '../database/EnrollmentStore';
import { ProfileUnavailableError } from '../mdm/EnrollmentProfileService';
import { buildQuickAddPackage } from '../quickadd/quickAddPackage';
import { PageContext } from './views/parts';
import { PortalDeps } from './PortalContext';
import { PortalSessions } from './PortalSessions';
import { problems } from './problems';

/** Safe for a Content-Disposition filename: letters, digits and a few marks. */
function fileName(text: string): string {
  return (
    text
      .replace(/[^A-Za-z0-9 ._-]+/g, '')
      .trim()
      .slice(0, 60) || 'Enrollment'
  );
}

function sendFile(
  res: Response,
  file: { type: string; name: string; body: Buffer },
) {
  res
    .status(200)
    .type(file.type)
    .set('Cache-Control', 'no-store')
    .set('Content-Disposition', `attachment; filename="${file.name}"`)
    .send(file.body);
}

/** What the download routes share with the rest of the portal. */
interface DownloadHelpers {
  sessions: PortalSessions;
  portalOf(res: Response): { ctx: PageContext; settings: PortalSettings };
  /** Renews the enrollment's hold on its invitation link (see PortalFlow). */
  reserveInvitation(enrollment: PendingEnrollment): Promise<void>;
}

/** The enrollment a download link opens, or a problem. */
async function redeem(
  deps: PortalDeps,
  helpers: DownloadHelpers,
  req: Request,
  purpose: DownloadPurpose,
): Promise<PendingEnrollment> {
  const session = await helpers.sessions.load(req);
  const token = typeof req.query.token === 'string' ? req.query.token : '';
  const enrollment =
    session &&
    (await deps.enrollments.redeemToken({
      token,
      sessionIdHash: session.idHash,
      purpose,
      now: deps.clock?.() ?? new Date(),
    }));
  if (!enrollment) throw problems.downloadExpired();
  return enrollment;
}

/** This enrollment's profile, or the portal's page for what keeps it from being given out. */
async function signedProfile(
  deps: PortalDeps,
  helpers: DownloadHelpers,
  res: Response,
  enrollment: PendingEnrollment,
) {
  const { ctx } = helpers.portalOf(res);
  // Each profile carries a new SCEP challenge: the link stays this
  // enrollment's for as long as that challenge works.
  await helpers.reserveInvitation(enrollment);
  try {
    return await deps.profiles.signedProfile(enrollment, {
      organization: ctx.organization,
    });
  } catch (error) {
    if (!(error instanceof ProfileUnavailableError)) throw error;
    throw error.problem.kind === 'no-topic'
      ? problems.noPushCertificate()
      : problems.insecureUrls();
  }
}

/**
 * The download links of the last step, under the portal's `/enroll`. Each
 * needs the portal session's cookie and a short-lived token for that one
 * file, so a link that leaks (history, a forwarded screenshot) opens
 * nothing on its own. Refusals are thrown as PortalProblems.
 */
export function createDownloadRoutes(
  deps: PortalDeps,
  helpers: DownloadHelpers,
): express.Router {
  const router = Router();
  const now = () => deps.clock?.() ?? new Date();

  router.get('/ca.cer', async (req, res) => {
    await redeem(deps, helpers, req, 'ca');
    sendFile(res, {
      type: 'application/x-x509-ca-cert',
      name: `${fileName(helpers.portalOf(res).ctx.organization)} CA.cer`,
      body: deps.ca.certificateDer,
    });
  });

  router.get('/profile.mobileconfig', async (req, res) => {
    const enrollment = await redeem(deps, helpers, req, 'profile');
    sendFile(res, {
      type: 'application/x-apple-aspen-config',
      name: `${fileName(
        helpers.portalOf(res).ctx.organization,
      )} Enrollment.mobileconfig`,
      body: await signedProfile(deps, helpers, res, enrollment),
    });
  });

  router.get('/quickadd.pkg', async (req, res) => {
    const enrollment = await redeem(deps, helpers, req, 'quickadd');
    const { ctx } = helpers.portalOf(res);
    sendFile(res, {
      type: 'application/octet-stream',
      name: `${fileName(ctx.organization)} QuickAdd.pkg`,
      body: buildQuickAddPackage({
        organization: ctx.organization,
        identifier: deps.quickAddIdentifier,
        profile: await signedProfile(deps, helpers, res, enrollment),
        now: now(),
      }),
    });
  });

  return router;
}
