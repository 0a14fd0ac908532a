import { timingSafeEqual } from 'node:crypto';
import { Request, Response } from 'express';
import {
  PortalSession,
  PortalSessionState,
  PortalSessionStore,
} from '../database/PortalSessionStore';
import { problems } from './problems';
import {
  clearSessionCookie,
  readCookie,
  SESSION_COOKIE,
  setSessionCookie,
} from './sessionCookie';

function sameToken(a: unknown, b: string): boolean {
  if (typeof a !== 'string' || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * The portal's sessions as the browser sees them: a cookie that names a
 * database row, a new id at login (no fixation), the CSRF token every form
 * must send back, and logout.
 */
export class PortalSessions {
  constructor(
    private readonly options: {
      store: PortalSessionStore;
      /** The cookie's path: the portal's. */
      portalPath: string;
      secureCookies: boolean;
      ttlMs: number;
      now: () => Date;
    },
  ) {}

  /** The request's live session, if it has one. */
  async load(req: Request): Promise<PortalSession | undefined> {
    const id = readCookie(req, SESSION_COOKIE);
    return id ? this.options.store.get(id, this.options.now()) : undefined;
  }

  /** A new session, its cookie set on the response. */
  async start(res: Response, invitationId?: string): Promise<PortalSession> {
    const { id, session } = await this.options.store.create({
      invitationId,
      ttlMs: this.options.ttlMs,
      now: this.options.now(),
    });
    this.setCookie(res, id);
    return session;
  }

  /**
   * The session a posted form belongs to.
   *
   * @throws PortalProblem (session expired) without a live session or its CSRF token
   */
  async forForm(req: Request): Promise<PortalSession> {
    const session = await this.load(req);
    if (!session || !sameToken(req.body?.csrf, session.csrfToken)) {
      throw problems.sessionExpired();
    }
    return session;
  }

  update(session: PortalSession, state: PortalSessionState): Promise<void> {
    return this.options.store.update(session, state);
  }

  /** Replaces the session's id (and CSRF token) at login, keeping its state. */
  async rotate(
    res: Response,
    session: PortalSession,
    state: PortalSessionState,
  ): Promise<void> {
    const rotated = await this.options.store.rotate(session, {
      state,
      ttlMs: this.options.ttlMs,
      now: this.options.now(),
    });
    this.setCookie(res, rotated.id);
  }

  async end(res: Response, session: PortalSession): Promise<void> {
    await this.options.store.delete(session.idHash);
    clearSessionCookie(res, this.options.portalPath);
  }

  private setCookie(res: Response, id: string) {
    setSessionCookie(res, {
      id,
      path: this.options.portalPath,
      maxAgeMs: this.options.ttlMs,
      secure: this.options.secureCookies,
    });
  }
}
