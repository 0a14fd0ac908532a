import {
  Invitation,
  InvitationDetails,
  ListInvitationsQuery,
} from '@macenroll/plugin-enrollment-common';
import { SiteFilter } from './siteFilter';

/** What the store needs to create an invitation. */
export interface NewInvitation {
  id: string;
  codeNonce: string;
  codeHash: string;
  recipients: string[];
  expiresAt: Date;
  requireLogin: boolean;
  multipleUses: boolean;
  siteId?: string;
  keepExistingSite: boolean;
  subject?: string;
  message?: string;
  createdBy: string;
  createdAt: Date;
}

/** Enrollment invitations and their recipients. */
export interface InvitationStore {
  create(invitation: NewInvitation): Promise<InvitationDetails>;
  /** One invitation, if it exists and the filter allows it. */
  get(
    id: string,
    now: Date,
    filter?: SiteFilter,
  ): Promise<InvitationDetails | undefined>;
  /** The secret-derivation input of an invitation (nonce), for its link. */
  getCodeNonce(id: string): Promise<string | undefined>;
  list(
    query: Required<
      Pick<ListInvitationsQuery, 'offset' | 'limit' | 'orderBy' | 'order'>
    > &
      ListInvitationsQuery,
    now: Date,
    filter?: SiteFilter,
  ): Promise<{ items: Invitation[]; totalCount: number }>;
  /** Marks it cancelled; recipients still pending are not mailed any more. */
  cancel(id: string, now: Date): Promise<void>;
  /**
   * Deletes the invitation and its recipients (mail not yet sent is not
   * sent). Computers and started enrollments stay, detached from it; a
   * portal session that came with it is told the invitation is gone.
   */
  delete(id: string): Promise<void>;
  /** Puts the given recipients back in the mail queue, due now. */
  requeue(id: string, emails: string[]): Promise<void>;
  /** The invitation a code's hash belongs to. */
  findIdByCodeHash(codeHash: string): Promise<string | undefined>;
  /**
   * Counts one use, atomically: false when the invitation is cancelled,
   * expired, or single-use and already used — however many callers race.
   */
  consumeUse(id: string, now: Date): Promise<boolean>;
}
