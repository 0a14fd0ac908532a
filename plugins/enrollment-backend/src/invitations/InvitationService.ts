import { randomUUID } from 'node:crypto';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  Computer,
  CreatedInvitation,
  normalizeSerialNumbers,
  CreateInvitationRequest,
  DeviceRules,
  Invitation,
  InvitationDetails,
  InvitationLink,
  ListInvitationsQuery,
  PageOf,
} from '@macenroll/plugin-enrollment-common';
import { ComputerStore } from '../database/ComputerStore';
import { EventRecorder } from '../database/EventStore';
import { InvitationStore } from '../database/InvitationStore';
import { SiteFilter } from '../permissions/siteFilter';
import { SiteStore } from '../database/SiteStore';
import { hashInvitationCode, InvitationCodes } from './code';
import { normalizeRecipients } from './recipients';
import { isUsable } from '../database/invitationStatus';

/** Rules that ask nothing are kept as none. */
function activeRules(rules: DeviceRules | undefined): DeviceRules | undefined {
  if (!rules) return undefined;
  const active: DeviceRules = {};
  if (rules.minimumOsVersion) active.minimumOsVersion = rules.minimumOsVersion;
  if (rules.allowedModels?.length) active.allowedModels = rules.allowedModels;
  return Object.keys(active).length ? active : undefined;
}

/** The longest an invitation may stay valid. */
const MAX_VALIDITY_MS = 366 * 24 * 3600 * 1000;

type ListQuery = Required<
  Pick<ListInvitationsQuery, 'offset' | 'limit' | 'orderBy' | 'order'>
> &
  ListInvitationsQuery;

/** The business rules of invitations; the router only parses and authorizes. */
export class InvitationService {
  constructor(
    private readonly deps: {
      invitations: InvitationStore;
      sites: SiteStore;
      computers: ComputerStore;
      events: EventRecorder;
      codes: InvitationCodes;
      /** `<backend.baseUrl>/enroll` */
      enrollUrl: () => Promise<string>;
      /** Asks the mail task to run now instead of at its next tick. */
      wakeDelivery: () => Promise<void>;
      clock?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.deps.clock?.() ?? new Date();
  }

  async create(
    request: CreateInvitationRequest,
    createdBy: string,
  ): Promise<CreatedInvitation> {
    const now = this.now();
    const recipients = normalizeRecipients(request.recipients);
    const expiresAt = new Date(request.expiresAt);
    if (expiresAt.getTime() <= now.getTime()) {
      throw new InputError(
        `expiresAt ${
          request.expiresAt
        } is in the past; choose a date and time after ${now.toISOString()}`,
      );
    }
    if (expiresAt.getTime() - now.getTime() > MAX_VALIDITY_MS) {
      throw new InputError(
        'expiresAt is more than a year away; choose an earlier date',
      );
    }
    const serials = normalizeSerialNumbers(request.serialNumbers ?? []);
    if (serials.invalid !== undefined) {
      throw new InputError(
        `"${serials.invalid.slice(
          0,
          64,
        )}" is not a serial number: a Mac's serial number is 8 to 14 letters and digits (About This Mac shows it); fix or remove it`,
      );
    }
    if (request.serialNumbers?.length && !serials.serialNumbers.length) {
      throw new InputError(
        'serialNumbers lists no serial number; leave it out to let any Mac enroll',
      );
    }
    if (request.siteId && !(await this.deps.sites.get(request.siteId))) {
      throw new InputError(
        `There is no site with id ${request.siteId}; pick one from the site list`,
      );
    }

    const id = randomUUID();
    const codeNonce = this.deps.codes.newNonce();
    const code = this.deps.codes.codeFor(id, codeNonce);
    const invitation = await this.deps.invitations.create({
      id,
      codeNonce,
      codeHash: hashInvitationCode(code),
      recipients: recipients.map(email => ({
        email,
        codeHash: hashInvitationCode(
          this.deps.codes.codeFor(id, codeNonce, email),
        ),
      })),
      expiresAt,
      requireLogin: request.requireLogin,
      multipleUses: request.multipleUses,
      siteId: request.siteId,
      keepExistingSite: request.keepExistingSite ?? false,
      subject: request.subject || undefined,
      message: request.message || undefined,
      createdBy,
      createdAt: now,
      serialNumbers: serials.serialNumbers,
      deviceRules: activeRules(request.deviceRules),
    });
    await this.deps.events.record({
      type: 'invitation.created',
      actor: createdBy,
      invitationId: id,
      message: `Invitation created for ${recipients.length} recipient(s)`,
    });
    if (recipients.length) await this.deps.wakeDelivery();
    const { recipientDetails: _, ...listed } = invitation;
    return {
      ...listed,
      url: `${await this.deps.enrollUrl()}?invitation=${code}`,
    };
  }

  /**
   * The invitation's link, or `recipient`'s own: codes are derived, so it
   * can be shown again without being stored.
   */
  async link(
    id: string,
    recipient: string | undefined,
    filter?: SiteFilter,
  ): Promise<InvitationLink> {
    await this.get(id, filter);
    const nonce = await this.deps.invitations.getCodeNonce(id);
    if (!nonce) throw new NotFoundError(`There is no invitation with id ${id}`);
    const url = async (code: string) =>
      `${await this.deps.enrollUrl()}?invitation=${code}`;
    if (recipient === undefined) {
      return { url: await url(this.deps.codes.codeFor(id, nonce)) };
    }
    const found = await this.deps.invitations.findRecipient(id, recipient);
    if (!found) {
      throw new NotFoundError(
        `${recipient} is not a recipient of this invitation`,
      );
    }
    const code = found.ownLink
      ? this.deps.codes.codeFor(id, nonce, found.email)
      : this.deps.codes.codeFor(id, nonce);
    return { url: await url(code), recipient: found.email };
  }

  /** The serial numbers the invitation is limited to (none: any Mac). */
  async serialNumbers(
    id: string,
    filter?: SiteFilter,
  ): Promise<{ items: string[] }> {
    await this.get(id, filter);
    return { items: await this.deps.invitations.serialNumbers(id) };
  }

  async get(id: string, filter?: SiteFilter): Promise<InvitationDetails> {
    const invitation = await this.deps.invitations.get(id, this.now(), filter);
    if (!invitation)
      throw new NotFoundError(`There is no invitation with id ${id}`);
    return invitation;
  }

  async list(
    query: ListQuery,
    filter?: SiteFilter,
  ): Promise<PageOf<Invitation>> {
    const page = await this.deps.invitations.list(query, this.now(), filter);
    return { ...page, offset: query.offset, limit: query.limit };
  }

  async cancel(
    id: string,
    actor: string,
    filter?: SiteFilter,
  ): Promise<InvitationDetails> {
    const invitation = await this.get(id, filter);
    if (invitation.status === 'cancelled') return invitation;
    if (!isUsable(invitation.status)) {
      throw new ConflictError(
        `The invitation is ${invitation.status} and cannot be cancelled`,
      );
    }
    await this.deps.invitations.cancel(id, this.now());
    await this.deps.events.record({
      type: 'invitation.cancelled',
      actor,
      invitationId: id,
      message: 'Invitation cancelled',
    });
    return this.get(id, filter);
  }

  /** Deletes the invitation; see InvitationStore.delete. */
  async delete(id: string, actor: string, filter?: SiteFilter): Promise<void> {
    const invitation = await this.get(id, filter);
    await this.deps.invitations.delete(id);
    await this.deps.events.record({
      type: 'invitation.deleted',
      actor,
      invitationId: id,
      message: `Invitation deleted (${invitation.status}, used ${
        invitation.timesUsed
      } time${invitation.timesUsed === 1 ? '' : 's'}, ${
        invitation.recipientCount
      } recipient${invitation.recipientCount === 1 ? '' : 's'})`,
    });
  }

  /** Resends to `emails`, or to every recipient whose delivery failed. */
  async resend(
    id: string,
    emails: string[] | undefined,
    actor: string,
    filter?: SiteFilter,
  ): Promise<InvitationDetails> {
    const invitation = await this.get(id, filter);
    if (!isUsable(invitation.status)) {
      throw new ConflictError(
        `The invitation is ${invitation.status}; create a new invitation instead of resending this one`,
      );
    }
    const byAddress = new Map(
      invitation.recipientDetails.map(r => [r.email.toLowerCase(), r] as const),
    );
    let chosen: string[];
    if (emails) {
      const unknown = emails.filter(
        e => !byAddress.has(e.trim().toLowerCase()),
      );
      if (unknown.length) {
        throw new InputError(
          `Not recipients of this invitation: ${unknown
            .slice(0, 20)
            .join(', ')}`,
        );
      }
      chosen = emails.map(e => e.trim());
    } else {
      chosen = invitation.recipientDetails
        .filter(r => r.state === 'failed')
        .map(r => r.email);
    }
    if (!chosen.length) {
      throw new InputError(
        'There is no failed recipient to resend to; choose recipients instead',
      );
    }
    await this.deps.invitations.requeue(id, chosen);
    await this.deps.events.record({
      type: 'invitation.resent',
      actor,
      invitationId: id,
      message: `Invitation resent to ${chosen.length} recipient(s)`,
    });
    await this.deps.wakeDelivery();
    return this.get(id, filter);
  }

  async computers(
    id: string,
    invitationFilter?: SiteFilter,
    computerFilter?: SiteFilter,
  ): Promise<{ items: Computer[] }> {
    await this.get(id, invitationFilter);
    return {
      items: await this.deps.computers.listForInvitation(id, computerFilter),
    };
  }
}
