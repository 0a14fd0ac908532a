import {
  Computer,
  ComputerDetails,
  ListComputersQuery,
} from '@macenroll/plugin-enrollment-common';
import { SiteFilter } from './siteFilter';

/** Enrolled computers, as the admin views list them. */
export interface ComputerStore {
  /** One computer, whatever its site (callers that answer admins check it). */
  get(id: string): Promise<Computer | undefined>;
  /** One computer with its push and identity state, if the filter allows it. */
  getDetails(
    id: string,
    filter?: SiteFilter,
  ): Promise<ComputerDetails | undefined>;
  /** The computers enrolled with an invitation (at most 10,000) that the filter allows. */
  listForInvitation(
    invitationId: string,
    filter?: SiteFilter,
  ): Promise<Computer[]>;
  /**
   * The enrolling and enrolled computers (at most 1,000) recorded for a
   * person, by directory username or e-mail, each without regard to case,
   * that the filter allows; most recently enrolled first.
   */
  listForUser(
    user: { username?: string; email?: string },
    filter?: SiteFilter,
  ): Promise<Computer[]>;
  /**
   * A page of the computers the filter allows, most recently enrolled first
   * (never enrolled last), and how many there are in all. `status` keeps
   * one status; `search` matches name, serial number, username, email or
   * real name.
   */
  list(
    query: Required<Pick<ListComputersQuery, 'offset' | 'limit'>> &
      ListComputersQuery,
    filter?: SiteFilter,
  ): Promise<{ items: Computer[]; totalCount: number }>;
}
