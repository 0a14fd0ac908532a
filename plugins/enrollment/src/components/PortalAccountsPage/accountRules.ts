import { PORTAL_PASSWORD_MIN_LENGTH } from '@macenroll/plugin-enrollment-common';
import { EnrollmentT, englishT } from '../../utils/translate';

// The backend's rules for local portal accounts, checked while typing.
export const MAX_USERNAME = 64;
export const MIN_PASSWORD = PORTAL_PASSWORD_MIN_LENGTH;
export const MAX_PASSWORD = 1024;

const USERNAME_CHARACTERS = /^[A-Za-z0-9._@-]+$/;

/** What is wrong with a username; undefined when nothing or nothing yet. */
export function usernameProblem(
  username: string,
  t: EnrollmentT = englishT,
): string | undefined {
  const name = username.trim();
  if (!name) return undefined;
  if (name.length > MAX_USERNAME) {
    return t('common.atMostCharacters', { max: String(MAX_USERNAME) });
  }
  if (!USERNAME_CHARACTERS.test(name)) {
    return t('accounts.usernameCharacters');
  }
  return undefined;
}

/**
 * What is wrong with an optional e-mail address; undefined when nothing or
 * nothing yet. Plain on purpose: the backend has the last word.
 */
export function emailProblem(
  email: string,
  t: EnrollmentT = englishT,
): string | undefined {
  const address = email.trim();
  return address && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)
    ? t('accounts.addDialog.emailProblem')
    : undefined;
}

/** What is wrong with a new password; undefined when nothing or nothing yet. */
export function passwordProblem(
  password: string,
  t: EnrollmentT = englishT,
): string | undefined {
  if (!password) return undefined;
  if (password.length < MIN_PASSWORD) {
    return t('accounts.password.tooShort', { min: String(MIN_PASSWORD) });
  }
  if (password.length > MAX_PASSWORD) {
    return t('common.atMostCharacters', { max: String(MAX_PASSWORD) });
  }
  return undefined;
}

/** Whether the confirmation differs, once one was typed. */
export function confirmationProblem(
  password: string,
  confirmation: string,
  t: EnrollmentT = englishT,
): string | undefined {
  return confirmation && confirmation !== password
    ? t('accounts.password.mismatch')
    : undefined;
}

/** A new password and its confirmation that the backend will take. */
export function passwordIsValid(password: string, confirmation: string) {
  return (
    password !== '' && !passwordProblem(password) && confirmation === password
  );
}
