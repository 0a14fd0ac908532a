import { randomBytes } from 'node:crypto';
import { Knex } from 'knex';
import { sha256 } from './hashing';
import {
  PortalSession,
  PortalSessionState,
  PortalSessionStore,
} from './PortalSessionStore';
import { toDate } from './rows';

const TABLE = 'enrollment_portal_sessions';

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

/** The Knex-backed portal sessions; a row is keyed by the hash of the id. */
export class DatabasePortalSessionStore implements PortalSessionStore {
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

  async deleteExpired(now: Date): Promise<number> {
    return this.db(TABLE).where('expires_at', '<=', now).delete();
  }
}
