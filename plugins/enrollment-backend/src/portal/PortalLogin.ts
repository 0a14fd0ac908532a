import { ComputerUser } from '@macenroll/plugin-enrollment-common';
import {
  hashPassword,
  needsRehash,
  verifyAgainstDummy,
  verifyPassword,
} from '../accounts/passwordHash';
import { throttleName } from '../accounts/usernames';
import {
  AttemptReservation,
  LoginFailureStore,
} from '../database/LoginFailureStore';
import { PortalAccountStore } from '../database/PortalAccountStore';
import { LdapDirectory } from '../ldap';

/** The outcome of a portal login, for the page and the event log. */
export type LoginOutcome =
  | { ok: true; kind: 'ldap' | 'local'; name: string; user?: ComputerUser }
  | {
      ok: false;
      /**
       * For the event log only: the person is told the same for
       * 'bad-credentials' and 'not-in-group', or the answer would confirm
       * the password.
       */
      reason: 'bad-credentials' | 'throttled' | 'not-in-group';
      retryAt?: Date;
    };

const throttled = (
  reservation: AttemptReservation & { admitted: false },
): LoginOutcome => ({
  ok: false,
  reason: 'throttled',
  retryAt: reservation.retryAt,
});

/** Tries counted for a login: the store and key of each. */
type Reserved = Array<[LoginFailureStore, string]>;

/**
 * Runs a directory call. When it throws (the directory could not be
 * reached or did not answer in time), no password was checked: the tries
 * reserved for this login are given back, so that an outage locks nobody
 * out, and the error goes on to the page.
 */
async function giveBackIfUnanswered<T>(
  reserved: Reserved,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    await Promise.all(
      reserved.map(([store, key]) => store.release(key).catch(() => undefined)),
    );
    throw error;
  }
}

/**
 * Checks a username and password: a local portal account first, then the
 * directory. One generic failure for unknown users and wrong passwords, and
 * the same password-hash work for both. Every try is counted before its
 * password is checked, per user (under the folded name, and under the
 * directory entry once found) and per address, across replicas. A
 * directory that cannot answer is an error, not a failed try: local
 * accounts, checked first, never wait on it.
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
    const { userFailures, addressFailures } = this.deps;
    const userKey = `user:${throttleName(username)}`;
    const addressKey = `ip:${address}`;

    // The user first: tries at a locked user then cost the address nothing,
    // so one attacker cannot lock out everyone behind the same NAT by it.
    const user = await userFailures.reserve(userKey, now);
    if (!user.admitted) return throttled(user);
    const fromAddress = await addressFailures.reserve(addressKey, now);
    if (!fromAddress.admitted) {
      // Checked nothing: a locked address must not use up others' budgets.
      await userFailures.release(userKey);
      return throttled(fromAddress);
    }

    const succeeded = async (keys: string[]) => {
      await userFailures.clear(keys);
      await addressFailures.release(addressKey);
    };

    const local = await this.deps.accounts.getForLogin(username);
    if (local) {
      const valid = await verifyPassword(password, local.passwordHash);
      if (valid && !local.account.disabled) {
        await succeeded([userKey]);
        if (needsRehash(local.passwordHash)) {
          await this.deps.accounts.upgradePasswordHash(
            local.account.username,
            local.passwordHash,
            await hashPassword(password),
          );
        }
        const { username: name, realName, email } = local.account;
        // An account that stands for a person enrolls Macs as theirs, like
        // Jamf's standard accounts; one without picks a directory person.
        const person =
          realName || email ? { username: name, realName, email } : undefined;
        return { ok: true, kind: 'local', name, user: person };
      }
      return { ok: false, reason: 'bad-credentials' };
    }

    // Not a local account: the same hash work anyway, so that the answer's
    // time does not tell local account names from the others.
    await verifyAgainstDummy(password);
    const directory = this.deps.directory;
    if (!directory) return { ok: false, reason: 'bad-credentials' };
    const reserved: Reserved = [
      [userFailures, userKey],
      [addressFailures, addressKey],
    ];
    const candidate = await giveBackIfUnanswered(reserved, () =>
      directory.findLoginCandidate(username),
    );
    if (!candidate) return { ok: false, reason: 'bad-credentials' };

    // Every spelling that finds this entry shares its budget.
    const entryKey = `dn:${throttleName(candidate.dn)}`;
    const entry = await userFailures.reserve(entryKey, now);
    if (!entry.admitted) return throttled(entry);
    const found = await giveBackIfUnanswered(
      [...reserved, [userFailures, entryKey]],
      () => directory.checkPassword(candidate, password),
    );
    if (!found) return { ok: false, reason: 'bad-credentials' };
    if (
      options.allowedGroups.length &&
      !found.groups.some(g => options.allowedGroups.includes(g))
    ) {
      // A failure like any other, counted as one: a right password must
      // not be told apart from a wrong one.
      return { ok: false, reason: 'not-in-group' };
    }
    await succeeded([userKey, entryKey]);
    return {
      ok: true,
      kind: 'ldap',
      name: found.fields.username ?? username,
      user: found.fields,
    };
  }
}
