import { createHash, randomBytes } from 'node:crypto';
import { ComputerUser } from '@macenroll/plugin-enrollment-common';
import { Knex } from 'knex';
import { toDate } from './rows';

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
}

export interface PortalSession {
  idHash: string;
  csrfToken: string;
  invitationId?: string;
  state: PortalSessionState;
  expiresAt: Date;
}

const TABLE = 'enrollment_portal_sessions';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function newSession(options: {
  invitationId?: string;
  state: PortalSessionState;
  ttlMs: number;
  now: Date;
}): { id: string; session: PortalSession } {
  const id = randomBytes(32).toString('base64url');
  return {
    id,
    session: {
      idHash: sha256(id),
      csrfToken: randomBytes(24).toString('base64url'),
      invitationId: options.invitationId,
      state: options.state,
      expiresAt: new Date(options.now.getTime() + options.ttlMs),
    },
  };
}

function toRow(session: PortalSession, now: Date) {
  return {
    id_hash: session.idHash,
    csrf_token: session.csrfToken,
    invitation_id: session.invitationId ?? null,
    state: JSON.stringify(session.state),
    created_at: now,
    expires_at: session.expiresAt,
  };
}

/**
 * Portal sessions live in the database so any replica can continue one.
 * The cookie carries a random id; the table keeps only its hash.
 */
export class PortalSessionStore {
  constructor(private readonly db: Knex) {}

  async create(options: {
    invitationId?: string;
    ttlMs: number;
    now: Date;
  }): Promise<{ id: string; session: PortalSession }> {
    const { id, session } = newSession({ ...options, state: {} });
    await this.db(TABLE).insert(toRow(session, options.now));
    return { id, session };
  }

  /**
   * The same session under a new id and CSRF token, with `state`; the old
   * id stops working. Done at login, so that an id someone planted in the
   * browser beforehand (session fixation) never becomes a logged-in one.
   */
  async rotate(
    session: PortalSession,
    options: { state: PortalSessionState; ttlMs: number; now: Date },
  ): Promise<{ id: string; session: PortalSession }> {
    const next = newSession({ ...options, invitationId: session.invitationId });
    await this.db.transaction(async trx => {
      await trx(TABLE).insert(toRow(next.session, options.now));
      await trx(TABLE).where({ id_hash: session.idHash }).delete();
    });
    return next;
  }

  async get(id: string, now: Date): Promise<PortalSession | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
    const row = await this.db(TABLE)
      .where({ id_hash: sha256(id) })
      .first();
    if (!row || toDate(row.expires_at)!.getTime() <= now.getTime())
      return undefined;
    return {
      idHash: row.id_hash,
      csrfToken: row.csrf_token,
      invitationId: row.invitation_id ?? undefined,
      state: JSON.parse(row.state),
      expiresAt: toDate(row.expires_at)!,
    };
  }

  async update(
    session: PortalSession,
    state: PortalSessionState,
  ): Promise<void> {
    session.state = state;
    await this.db(TABLE)
      .where({ id_hash: session.idHash })
      .update({ state: JSON.stringify(state) });
  }

  async delete(idHash: string): Promise<void> {
    await this.db(TABLE).where({ id_hash: idHash }).delete();
  }

  /** Removes expired sessions; run by a scheduled task. */
  async deleteExpired(now: Date): Promise<number> {
    return this.db(TABLE).where('expires_at', '<=', now).delete();
  }
}
