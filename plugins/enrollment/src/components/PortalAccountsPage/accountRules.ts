import { PORTAL_PASSWORD_MIN_LENGTH } from '@macenroll/plugin-enrollment-common';

// The backend's rules for local portal accounts, checked while typing.
export const MAX_USERNAME = 64;
export const MIN_PASSWORD = PORTAL_PASSWORD_MIN_LENGTH;
export const MAX_PASSWORD = 1024;

const USERNAME_CHARACTERS = /^[A-Za-z0-9._@-]+$/;

/** What is wrong with a username; undefined when nothing or nothing yet. */
export function usernameProblem(username: string): string | undefined {
  const name = username.trim();
  if (!name) return undefined;
  if (name.length > MAX_USERNAME) return `At most ${MAX_USERNAME} characters.`;
  if (!USERNAME_CHARACTERS.test(name)) {
    return 'Use letters, digits and . _ @ - only.';
  }
  return undefined;
}

/** What is wrong with a new password; undefined when nothing or nothing yet. */
export function passwordProblem(password: string): string | undefined {
  if (!password) return undefined;
  if (password.length < MIN_PASSWORD) {
    return `Use at least ${MIN_PASSWORD} characters.`;
  }
  if (password.length > MAX_PASSWORD) {
    return `At most ${MAX_PASSWORD} characters.`;
  }
  return undefined;
}

/** Whether the confirmation differs, once one was typed. */
export function confirmationProblem(
  password: string,
  confirmation: string,
): string | undefined {
  return confirmation && confirmation !== password
    ? 'The passwords do not match.'
    : undefined;
}

/** A new password and its confirmation that the backend will take. */
export function passwordIsValid(password: string, confirmation: string) {
  return (
    password !== '' && !passwordProblem(password) && confirmation === password
  );
}
