import { PortalAccount } from '@macenroll/plugin-enrollment-common';

/** What an admin changes of a portal account; absent fields stay. */
export interface PortalAccountChange {
  disabled?: boolean;
  passwordHash?: string;
  mayReenrollAnyMac?: boolean;
  /** The person's full name; null clears it. */
  realName?: string | null;
  /** The person's e-mail; null clears it. */
  email?: string | null;
}

/** The person an account stands for; see `PortalAccount.realName`. */
export interface PortalAccountPerson {
  realName?: string;
  email?: string;
}

/** Local portal accounts; only scrypt hashes of passwords are kept. */
export interface PortalAccountStore {
  /** Every account, by username. */
  list(): Promise<PortalAccount[]>;
  /** The account and its hash, for logging in. */
  getForLogin(
    username: string,
  ): Promise<{ account: PortalAccount; passwordHash: string } | undefined>;
  /**
   * Adds an admin-made account.
   *
   * @throws ConflictError when the username is taken.
   */
  create(
    username: string,
    passwordHash: string,
    person?: PortalAccountPerson,
  ): Promise<PortalAccount>;
  /**
   * Disables or enables an admin-made account, or sets its password hash;
   * grants or withdraws the re-enrollment privilege of any account (config
   * accounts too: config does not set it, and keeps it on sync).
   *
   * @throws NotFoundError when there is no such account; ConflictError for
   *   disabling or a password of an account from app-config, which only
   *   config changes.
   */
  update(username: string, change: PortalAccountChange): Promise<PortalAccount>;
  /**
   * Whether the account exists, is enabled and may re-enroll a Mac recorded
   * as someone else's.
   */
  mayReenrollAnyMac(username: string): Promise<boolean>;
  /**
   * Replaces the hash of a password with a stronger hash of the same
   * password, unless the account's hash changed meanwhile (an admin reset
   * it, or config did): the newer password wins. Config accounts too, as
   * their next start-up writes config's hash again anyway.
   */
  upgradePasswordHash(
    username: string,
    previousHash: string,
    passwordHash: string,
  ): Promise<void>;
  /**
   * Makes the config accounts the stored 'config' accounts: adds and
   * updates them (password hash and person), removes those no longer in
   * config. Admin accounts stay.
   */
  syncFromConfig(
    accounts: Array<
      { username: string; passwordHash: string } & PortalAccountPerson
    >,
  ): Promise<void>;
}
