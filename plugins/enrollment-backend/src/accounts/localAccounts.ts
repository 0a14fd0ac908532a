import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { PORTAL_PASSWORD_MIN_LENGTH } from '@macenroll/plugin-enrollment-common';
import { PortalAccountStore } from '../database/PortalAccountStore';
import { isEmailAddress } from '../invitations/recipients';
import { hashPassword, isPasswordHash } from './passwordHash';

/**
 * A portal account from config, with a password or an scrypt hash, and the
 * person it stands for, if any.
 */
export interface LocalAccount {
  username: string;
  password?: string;
  passwordHash?: string;
  realName?: string;
  email?: string;
}

/** Reads `enrollment.portal.localAccounts`, refusing ambiguous or weak ones. */
export function readLocalAccounts(root: Config | undefined): LocalAccount[] {
  return (root?.getOptionalConfigArray('portal.localAccounts') ?? []).map(
    (account, i) => {
      const username = account.getString('username');
      const password = account.getOptionalString('password');
      const passwordHash = account.getOptionalString('passwordHash');
      if (Boolean(password) === Boolean(passwordHash)) {
        throw new InputError(
          `enrollment.portal.localAccounts[${i}] (${username}) needs exactly one of password or passwordHash`,
        );
      }
      // The message names the account and the rule, never the password.
      if (password && password.length < PORTAL_PASSWORD_MIN_LENGTH) {
        throw new InputError(
          `enrollment.portal.localAccounts[${i}] (${username}): the password must be at least ${PORTAL_PASSWORD_MIN_LENGTH} characters long; set a longer one, or a passwordHash`,
        );
      }
      if (passwordHash && !isPasswordHash(passwordHash)) {
        throw new InputError(
          `enrollment.portal.localAccounts[${i}].passwordHash is not an scrypt hash string (scrypt$N$r$p$salt$hash)`,
        );
      }
      const realName =
        account.getOptionalString('realName')?.trim() || undefined;
      const email = account.getOptionalString('email')?.trim() || undefined;
      if (email !== undefined && !isEmailAddress(email)) {
        throw new InputError(
          `enrollment.portal.localAccounts[${i}] (${username}): email is not an e-mail address; give one such as alice@example.com, or leave email out`,
        );
      }
      return { username, password, passwordHash, realName, email };
    },
  );
}

/** Makes the config accounts the store's `config` accounts, hashing clear passwords. */
export async function syncLocalAccounts(
  store: Pick<PortalAccountStore, 'syncFromConfig'>,
  accounts: LocalAccount[],
): Promise<void> {
  await store.syncFromConfig(
    await Promise.all(
      accounts.map(async a => ({
        username: a.username,
        passwordHash: a.passwordHash ?? (await hashPassword(a.password!)),
        realName: a.realName,
        email: a.email,
      })),
    ),
  );
}
