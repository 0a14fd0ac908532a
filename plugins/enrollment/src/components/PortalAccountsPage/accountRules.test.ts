import {
  confirmationProblem,
  passwordIsValid,
  passwordProblem,
  usernameProblem,
} from './accountRules';

describe('account rules', () => {
  it('takes letters, digits and . _ @ - in usernames up to 64 characters', () => {
    expect(usernameProblem('it.desk_1@acme-corp')).toBeUndefined();
    expect(usernameProblem('  padded  ')).toBeUndefined();
    expect(usernameProblem('')).toBeUndefined();
    expect(usernameProblem('has space')).toBe(
      'Use letters, digits and . _ @ - only.',
    );
    expect(usernameProblem('jöhn')).toBe(
      'Use letters, digits and . _ @ - only.',
    );
    expect(usernameProblem('a'.repeat(64))).toBeUndefined();
    expect(usernameProblem('a'.repeat(65))).toBe('At most 64 characters.');
  });

  it('wants passwords of 12 to 1024 characters', () => {
    expect(passwordProblem('')).toBeUndefined();
    expect(passwordProblem('elevenchars')).toBe('Use at least 12 characters.');
    expect(passwordProblem('twelve chars')).toBeUndefined();
    expect(passwordProblem('x'.repeat(1025))).toBe('At most 1024 characters.');
  });

  it('compares the confirmation once there is one', () => {
    expect(confirmationProblem('twelve chars', '')).toBeUndefined();
    expect(confirmationProblem('twelve chars', 'twelve char')).toBe(
      'The passwords do not match.',
    );
    expect(passwordIsValid('twelve chars', 'twelve chars')).toBe(true);
    expect(passwordIsValid('twelve chars', '')).toBe(false);
    expect(passwordIsValid('short', 'short')).toBe(false);
  });
});
