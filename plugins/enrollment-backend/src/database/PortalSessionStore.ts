import { ComputerUser } from '@macenroll/plugin-enrollment-common';

/** What the portal remembers between pages. */
export interface PortalSessionState {
  /** Who logged in: a directory user, a local portal account, or nobody (no-login invitation). */
  login?: { kind: 'ldap' | 'local' | 'none'; name?: string };
  /** The person the computer belongs to, with their location fields. */
  user?: ComputerUser;
  eulaAccepted?: boolean;
  siteId?: string;
  /** The enrollment started at the download step. */
  enrollmentId?: string;
  /** The recipient whose own link opened the session's invitation. */
  recipientId?: number;
}

export interface PortalSession {
  idHash: string;
  csrfToken: string;
  invitationId?: string;
  state: PortalSessionState;
  expiresAt: Date;
}

/**
 * Portal sessions, shared by all replicas so any of them can continue one.
 * The cookie carries a random id; only its hash is kept.
 */
export interface PortalSessionStore {
  /** A new session with empty state; `id` goes in the cookie. */
  create(options: {
    invitationId?: string;
    ttlMs: number;
    now: Date;
  }): Promise<{ id: string; session: PortalSession }>;
  /**
   * The same session under a new id and CSRF token, with `state`; the old
   * id stops working. Done at login, so that an id someone planted in the
   * browser beforehand (session fixation) never becomes a logged-in one.
   */
  rotate(
    session: PortalSession,
    options: { state: PortalSessionState; ttlMs: number; now: Date },
  ): Promise<{ id: string; session: PortalSession }>;
  /** The session a cookie's id opens, unless it expired. */
  get(id: string, now: Date): Promise<PortalSession | undefined>;
  /** Replaces the session's state, in `session` too. */
  update(session: PortalSession, state: PortalSessionState): Promise<void>;
  /** Ends the session: its id opens nothing any more. */
  delete(idHash: string): Promise<void>;
  /** Removes expired sessions; run by a scheduled task. Returns how many. */
  deleteExpired(now: Date): Promise<number>;
}
