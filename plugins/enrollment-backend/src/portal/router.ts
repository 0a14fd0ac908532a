import { timingSafeEqual } from 'node:crypto';
import { isError } from '@backstage/errors';
import {
  InvitationDetails,
  PortalSettings,
} from '@macenroll/plugin-enrollment-common';
import express, { NextFunction, Request, Response } from 'express';
import Router from 'express-promise-router';
import { PortalSession } from '../database/PortalSessionStore';
import { hashInvitationCode } from '../invitations/code';
import { nextStep } from './flow';
import {
  chooseUserPage,
  closedPage,
  downloadsPage,
  enrolledPage,
  eulaPage,
  loginPage,
  PageContext,
  problemPage,
  sitePage,
  unsupportedPage,
} from './pages';
import {
  DOWNLOAD_TOKEN_TTL_MS,
  ENROLLMENT_TTL_MS,
  PortalDeps,
  SESSION_TTL_MS,
} from './PortalContext';
import { classifyPlatform } from './platform/classifyPlatform';
import {
  clearSessionCookie,
  readCookie,
  SESSION_COOKIE,
  setSessionCookie,
} from './sessionCookie';
import { createClientAddress } from './clientAddress';
import { createDownloadRoutes } from './downloads';
import { printableName } from '../accounts/usernames';
import { RefusalKind, requestRefusal } from '../lib/requestRefusal';

const CODE = /^[A-Za-z0-9_-]{43}$/;

function send(res: Response, status: number, body: string) {
  res.status(status).type('html').set('Cache-Control', 'no-store').send(body);
}

function sameToken(a: unknown, b: string): boolean {
  if (typeof a !== 'string' || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Why a form was refused, in the person's words. */
const FORM_REFUSALS: Record<RefusalKind, string> = {
  'too-large': 'The form sent more than the portal accepts.',
  'too-many-fields': 'The form sent more than the portal accepts.',
  encoding: 'The form was sent in an encoding the portal does not read.',
  unreadable: 'The form arrived incomplete or damaged.',
  invalid: 'The form arrived incomplete or damaged.',
};

/** Why an invitation cannot be used, in the person's words. */
export function invitationProblem(
  invitation: InvitationDetails,
): string | undefined {
  const expires = new Date(invitation.expiresAt).toUTCString();
  switch (invitation.status) {
    case 'expired':
      return `This invitation expired on ${expires}. Ask IT for a new one.`;
    case 'cancelled':
      return 'This invitation was cancelled. Ask IT for a new one if you still need to enroll.';
    case 'used':
      return 'This invitation has already been used to enroll a Mac. Ask IT for a new one.';
    default:
      return undefined;
  }
}

/**
 * The public enrollment portal under /enroll. It is opened to unauthenticated
 * callers in plugin.ts, so every input is hostile: forms carry a CSRF token,
 * every page escapes what it shows, errors are pages, never stack traces.
 */
export function createPortalRouter(deps: PortalDeps): express.Router {
  const router = Router();
  const now = () => deps.clock?.() ?? new Date();
  const clientAddress = createClientAddress(deps.logger);
  const forms = express.urlencoded({
    extended: false,
    limit: '16kb',
    parameterLimit: 20,
  });

  async function context(): Promise<{
    ctx: PageContext;
    settings: PortalSettings;
  }> {
    const settings = await deps.settings.get();
    return {
      settings,
      ctx: {
        organization: settings.organizationName || deps.organization,
        supportContact: settings.supportContact,
        portalPath: deps.portalPath,
      },
    };
  }

  async function loadSession(req: Request): Promise<PortalSession | undefined> {
    const id = readCookie(req, SESSION_COOKIE);
    return id ? deps.sessions.get(id, now()) : undefined;
  }

  async function newSession(
    res: Response,
    invitationId?: string,
  ): Promise<PortalSession> {
    const { id, session } = await deps.sessions.create({
      invitationId,
      ttlMs: SESSION_TTL_MS,
      now: now(),
    });
    setSessionCookie(res, {
      id,
      path: deps.portalPath,
      maxAgeMs: SESSION_TTL_MS,
      secure: deps.secureCookies,
    });
    return session;
  }

  /** A POST needs a live session and its CSRF token; otherwise a page says to start over. */
  async function postSession(
    req: Request,
    res: Response,
  ): Promise<
    | { session: PortalSession; ctx: PageContext; settings: PortalSettings }
    | undefined
  > {
    const { ctx, settings } = await context();
    // Closing the portal stops sessions already open, not only new ones.
    if (!settings.portalEnabled) {
      send(res, 503, closedPage(ctx));
      return undefined;
    }
    const session = await loadSession(req);
    if (!session || !sameToken(req.body?.csrf, session.csrfToken)) {
      send(
        res,
        403,
        problemPage(
          ctx,
          'Your session expired',
          'This page was open too long or came from somewhere else, so we did not accept it.',
          'Go back to the enrollment page and try again.',
        ),
      );
      return undefined;
    }
    return { session, ctx, settings };
  }

  router.get('/enroll', async (req, res) => {
    const { ctx, settings } = await context();
    if (!settings.portalEnabled) return send(res, 503, closedPage(ctx));
    const platform = classifyPlatform(req.get('user-agent'));
    if (platform.kind === 'unsupported') {
      return send(res, 200, unsupportedPage(ctx, platform.device));
    }

    const invitationParam = req.query.invitation;
    if (invitationParam !== undefined) {
      const id =
        typeof invitationParam === 'string' && CODE.test(invitationParam)
          ? await deps.invitations.findIdByCodeHash(
              hashInvitationCode(invitationParam),
            )
          : undefined;
      const invitation = id ? await deps.invitations.get(id, now()) : undefined;
      if (!invitation) {
        return send(
          res,
          404,
          problemPage(
            ctx,
            'This link does not work',
            'We could not find this enrollment invitation. The link may be incomplete: open it again from the email, or copy the whole address.',
            'If it still does not work, ask IT for a new invitation.',
          ),
        );
      }
      const problem = invitationProblem(invitation);
      if (problem)
        return send(
          res,
          410,
          problemPage(ctx, 'This invitation cannot be used', problem),
        );
      const session = await newSession(res, invitation.id);
      if (!invitation.requireLogin) {
        await deps.sessions.update(session, { login: { kind: 'none' } });
      }
      // The code leaves the address bar (and the browser history) right away.
      return res.redirect(303, deps.portalPath);
    }

    const session = (await loadSession(req)) ?? (await newSession(res));
    let invitation: InvitationDetails | undefined;
    if (session.invitationId) {
      invitation = await deps.invitations.get(session.invitationId, now());
      // A single-use invitation this session has used is still this
      // session's: its person comes back to the page for the next step.
      const ownUse =
        invitation?.status === 'used' && Boolean(session.state.enrollmentId);
      const problem =
        invitation && !ownUse ? invitationProblem(invitation) : undefined;
      if (!invitation || problem) {
        return send(
          res,
          410,
          problemPage(
            ctx,
            'This invitation cannot be used',
            problem ??
              'This invitation no longer exists. Ask IT for a new one.',
          ),
        );
      }
    }

    const sites = await deps.sites.list();
    const step = nextStep({
      state: session.state,
      settings,
      directoryConfigured: Boolean(deps.directory),
      invitationHasSite: Boolean(invitation?.site),
      sitesExist: sites.length > 0,
    });
    switch (step) {
      case 'login':
        return send(
          res,
          200,
          loginPage(ctx, {
            csrf: session.csrfToken,
            intro: settings.texts.login,
            welcome: settings.texts.welcome,
          }),
        );
      case 'choose-user': {
        const query =
          typeof req.query.q === 'string'
            ? req.query.q.trim().slice(0, 100)
            : '';
        const found =
          query.length >= 2 ? await deps.directory!.findUsers(query, 10) : [];
        return send(
          res,
          200,
          chooseUserPage(ctx, {
            csrf: session.csrfToken,
            query,
            results: found.map(u => u.fields),
          }),
        );
      }
      case 'eula':
        return send(
          res,
          200,
          eulaPage(ctx, { csrf: session.csrfToken, text: settings.eula.text }),
        );
      case 'site':
        return send(
          res,
          200,
          sitePage(ctx, { csrf: session.csrfToken, sites }),
        );
      default:
        break;
    }

    // The download step: start the enrollment once per session, counting
    // one use of the invitation; a single-use invitation goes to one session.
    let enrollmentId = session.state.enrollmentId;
    if (enrollmentId) {
      // Once the Mac checked in with this session's profile there is nothing
      // left to download: the person who came back is told so.
      if ((await deps.enrollments.get(enrollmentId))?.completedAt) {
        return send(res, 200, enrolledPage(ctx));
      }
    } else {
      if (
        invitation &&
        !(await deps.invitations.consumeUse(invitation.id, now()))
      ) {
        return send(
          res,
          410,
          problemPage(
            ctx,
            'This invitation cannot be used',
            'This invitation has already been used to enroll a Mac. Ask IT for a new one.',
          ),
        );
      }
      const enrollment = await deps.enrollments.create({
        sessionIdHash: session.idHash,
        invitationId: invitation?.id,
        siteId: invitation?.site?.id ?? session.state.siteId,
        keepExistingSite: invitation?.keepExistingSite ?? false,
        loginKind: session.state.login!.kind,
        loginName: session.state.login!.name,
        user: session.state.user ?? {},
        platform: platform.kind,
        createdAt: now(),
        expiresAt: new Date(now().getTime() + ENROLLMENT_TTL_MS),
      });
      enrollmentId = enrollment.id;
      await deps.sessions.update(session, { ...session.state, enrollmentId });
      await deps.events.record({
        type: 'portal.enrollment-started',
        actor: session.state.login!.name,
        invitationId: invitation?.id,
        message: `Enrollment started at the portal (${platform.kind}, ${platform.osVersion})`,
      });
    }

    const token = (purpose: 'ca' | 'profile' | 'quickadd') =>
      deps.enrollments.issueToken({
        sessionIdHash: session.idHash,
        enrollmentId: enrollmentId!,
        purpose,
        ttlMs: DOWNLOAD_TOKEN_TTL_MS,
        now: now(),
      });
    const link = async (purpose: 'ca' | 'profile' | 'quickadd', file: string) =>
      `${deps.portalPath}/${file}?token=${await token(purpose)}`;
    const links =
      platform.kind === 'mac-legacy'
        ? { quickadd: await link('quickadd', 'quickadd.pkg') }
        : {
            ca: settings.skipCertificateInstallation
              ? undefined
              : await link('ca', 'ca.cer'),
            profile: await link('profile', 'profile.mobileconfig'),
          };
    const who = session.state.user?.realName ?? session.state.user?.username;
    return send(
      res,
      200,
      downloadsPage(ctx, {
        platform: platform.kind,
        links,
        texts: settings.texts,
        who,
        csrf: session.csrfToken,
      }),
    );
  });

  router.post('/enroll/login', forms, async (req, res) => {
    const posted = await postSession(req, res);
    if (!posted) return undefined;
    const { session, ctx, settings } = posted;
    const username =
      typeof req.body.username === 'string' ? req.body.username.trim() : '';
    const password =
      typeof req.body.password === 'string' ? req.body.password : '';
    const address = clientAddress(req);
    const again = (status: number, error: string) =>
      send(
        res,
        status,
        loginPage(ctx, {
          csrf: session.csrfToken,
          intro: settings.texts.login,
          welcome: settings.texts.welcome,
          error,
          username: username.slice(0, 255),
        }),
      );
    if (
      !username ||
      !password ||
      username.length > 255 ||
      password.length > 1024
    ) {
      return again(400, 'Enter your username and password.');
    }
    const outcome = await deps.login.login({
      username,
      password,
      address,
      allowedGroups: settings.restrictToLdapGroups,
      now: now(),
    });
    // Names go to log lines and the audit stream: no control characters,
    // or a username with a newline would write a line of its own.
    const actor = printableName(username);
    await deps.events.record({
      type: outcome.ok ? 'portal.login-succeeded' : 'portal.login-failed',
      actor,
      invitationId: session.invitationId,
      message: outcome.ok
        ? `Portal login as ${outcome.kind} account ${printableName(
            outcome.name,
          )} from ${address}`
        : `Portal login as ${actor} refused (${outcome.reason}) from ${address}`,
    });
    if (outcome.ok) {
      // A new id at login: one planted in the browser before (session
      // fixation) must not become a logged-in session.
      const rotated = await deps.sessions.rotate(session, {
        state: {
          ...session.state,
          login: { kind: outcome.kind, name: outcome.name },
          user: outcome.user,
        },
        ttlMs: SESSION_TTL_MS,
        now: now(),
      });
      setSessionCookie(res, {
        id: rotated.id,
        path: deps.portalPath,
        maxAgeMs: SESSION_TTL_MS,
        secure: deps.secureCookies,
      });
      return res.redirect(303, deps.portalPath);
    }
    if (outcome.reason === 'throttled') {
      const minutes = Math.max(
        1,
        Math.ceil((outcome.retryAt!.getTime() - now().getTime()) / 60_000),
      );
      return again(
        429,
        `Too many failed attempts. Wait ${minutes} minute(s) and try again.`,
      );
    }
    // Also when the password was right but the person is not in an allowed
    // group: a different answer would confirm the password to whoever
    // guessed it. The event log keeps the real reason for admins.
    return again(401, 'The username or password is incorrect.');
  });

  router.post('/enroll/assign', forms, async (req, res) => {
    const posted = await postSession(req, res);
    if (!posted) return undefined;
    const { session, ctx } = posted;
    const username =
      typeof req.body.username === 'string' ? req.body.username : '';
    const person =
      session.state.login?.kind === 'local' && deps.directory && username
        ? await deps.directory.getUser(username.slice(0, 255))
        : undefined;
    if (!person) {
      return send(
        res,
        400,
        chooseUserPage(ctx, {
          csrf: session.csrfToken,
          query: '',
          results: [],
          error: 'Choose the person from the search results.',
        }),
      );
    }
    await deps.sessions.update(session, {
      ...session.state,
      user: person.fields,
    });
    return res.redirect(303, deps.portalPath);
  });

  router.post('/enroll/eula', forms, async (req, res) => {
    const session = (await postSession(req, res))?.session;
    if (!session) return undefined;
    if (req.body.accept === 'yes' && session.state.login) {
      await deps.sessions.update(session, {
        ...session.state,
        eulaAccepted: true,
      });
    }
    return res.redirect(303, deps.portalPath);
  });

  router.post('/enroll/site', forms, async (req, res) => {
    const posted = await postSession(req, res);
    if (!posted) return undefined;
    const { session, settings } = posted;
    const siteId =
      typeof req.body.siteId === 'string' ? req.body.siteId.slice(0, 64) : '';
    // Only where the portal offers the choice: not when the settings turn
    // it off, the invitation names the site, or the enrollment has started.
    const invitation = session.invitationId
      ? await deps.invitations.get(session.invitationId, now())
      : undefined;
    const choosing =
      settings.allowSiteChoice &&
      !invitation?.site &&
      !session.state.enrollmentId &&
      session.state.login;
    if (choosing && siteId && (await deps.sites.get(siteId))) {
      await deps.sessions.update(session, { ...session.state, siteId });
    }
    return res.redirect(303, deps.portalPath);
  });

  router.post('/enroll/logout', forms, async (req, res) => {
    const session = (await postSession(req, res))?.session;
    if (!session) return undefined;
    await deps.sessions.delete(session.idHash);
    clearSessionCookie(res, deps.portalPath);
    return res.redirect(303, deps.portalPath);
  });

  router.use(createDownloadRoutes(deps, { loadSession, context, send }));

  const fallbackContext = async () =>
    (
      await context().catch(() => ({
        ctx: {
          organization: deps.organization,
          supportContact: '',
          portalPath: deps.portalPath,
        },
      }))
    ).ctx;

  router.use('/enroll', async (_req, res) => {
    send(
      res,
      404,
      problemPage(
        await fallbackContext(),
        'This page does not exist',
        'The address is not part of the enrollment portal.',
        'Start again from the enrollment page.',
      ),
    );
  });

  // Portal errors are pages in the person's words; details go to the log only.
  router.use(
    async (error: unknown, req: Request, res: Response, next: NextFunction) => {
      if (!req.path.startsWith('/enroll')) return next(error);
      const ctx = await fallbackContext();
      const refused = requestRefusal(error);
      if (refused) {
        return send(
          res,
          refused.status,
          problemPage(
            ctx,
            'The form could not be read',
            FORM_REFUSALS[refused.kind],
            'Go back to the enrollment page and try again.',
          ),
        );
      }
      const unavailable =
        isError(error) && error.name === 'ServiceUnavailableError';
      deps.logger.error(
        `Enrollment portal error on ${req.method} ${req.path}: ${
          isError(error) ? error.message : error
        }`,
      );
      return send(
        res,
        unavailable ? 503 : 500,
        problemPage(
          ctx,
          unavailable
            ? 'We cannot check your account right now'
            : 'Something went wrong',
          unavailable
            ? 'The company directory did not answer. Try again in a few minutes.'
            : 'The enrollment page hit an unexpected problem. Try again in a few minutes.',
          'If it keeps happening, contact IT.',
        ),
      );
    },
  );

  return router;
}
