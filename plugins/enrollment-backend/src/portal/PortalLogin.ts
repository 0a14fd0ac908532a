import { ComputerUser } from '@macenroll/plugin-enrollment-common';
import { verifyAgainstDummy, verifyPassword } from '../accounts/passwordHash';
import { LoginFailureStore } from '../database/LoginFailureStore';
import { PortalAccountStore } from '../database/PortalAccountStore';
import { LdapDirectory } from '../ldap/LdapDirectory';

/** The outcome of a portal login, for the page and the event log. */
export type LoginOutcome =
  | { ok: true; kind: 'ldap' | 'local'; name: string; user?: ComputerUser }
  | {
      ok: false;
      reason: 'bad-credentials' | 'throttled' | 'not-in-group';
      retryAt?: Date;
    };

/**
 * Checks a username and password: a local portal account first, then the
 * directory. One generic failure for unknown users and wrong passwords (the
 * same work is done for both), and failures are throttled per user and per
 * address across replicas.
 */
export class PortalLogin {
  constructor(
    private readonly deps: {
      accounts: PortalAccountStore;
      directory?: LdapDirectory;
      userFailures: LoginFailureStore;
      addressFailures: LoginFailureStore;
    },
  ) {}

  async login(options: {
    username: string;
    password: string;
    address: string;
    allowedGroups: string[];
    now: Date;
  }): Promise<LoginOutcome> {
    const { username, password, address, now } = options;
    const userKey = [`user:${username.toLowerCase()}`];
    const addressKey = [`ip:${address}`];
    const lockedUntil =
      (await this.deps.userFailures.lockedUntil(userKey, now)) ??
      (await this.deps.addressFailures.lockedUntil(addressKey, now));
    if (lockedUntil)
      return { ok: false, reason: 'throttled', retryAt: lockedUntil };

    const local = await this.deps.accounts.getForLogin(username);
    if (local) {
      const valid = await verifyPassword(password, local.passwordHash);
      if (valid && !local.account.disabled) {
        await this.deps.userFailures.clear(userKey);
        return { ok: true, kind: 'local', name: local.account.username };
      }
    } else if (this.deps.directory) {
      const user = await this.deps.directory.authenticate(username, password);
      if (user) {
        await this.deps.userFailures.clear(userKey);
        if (
          options.allowedGroups.length &&
          !user.groups.some(g => options.allowedGroups.includes(g))
        ) {
          return { ok: false, reason: 'not-in-group' };
        }
        return {
          ok: true,
          kind: 'ldap',
          name: user.fields.username ?? username,
          user: user.fields,
        };
      }
    } else {
      await verifyAgainstDummy(password);
    }
    await this.deps.userFailures.recordFailure(userKey, now);
    await this.deps.addressFailures.recordFailure(addressKey, now);
    return { ok: false, reason: 'bad-credentials' };
  }
}
