import { DeviceRules, Site } from '@macenroll/plugin-enrollment-common';

/** Sites computers can be assigned to. */
export interface SiteStore {
  /** Every site, by name. */
  list(): Promise<Site[]>;
  /** The site with this id, if there is one. */
  get(id: string): Promise<Site | undefined>;
  /**
   * Adds a site under a new id.
   *
   * @throws ConflictError when a site has this name already.
   */
  create(name: string, deviceRules?: DeviceRules | null): Promise<Site>;
  /**
   * Gives the site a new name, and new device rules unless `deviceRules`
   * is undefined (null removes them).
   *
   * @throws NotFoundError for an unknown site; ConflictError when another
   *   site has this name.
   */
  rename(
    id: string,
    name: string,
    deviceRules?: DeviceRules | null,
  ): Promise<Site>;
  /**
   * Deletes the site. Refuses to delete a site that invitations or
   * computers still use.
   *
   * @throws NotFoundError for an unknown site; ConflictError for one in use.
   */
  delete(id: string): Promise<void>;
}
