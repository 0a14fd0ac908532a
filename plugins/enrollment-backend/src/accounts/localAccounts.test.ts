import { ConfigReader } from '@backstage/config';
import { readLocalAccounts, syncLocalAccounts } from './localAccounts';

const config = (localAccounts: object[]) =>
  new ConfigReader({ portal: { localAccounts } });

describe('readLocalAccounts', () => {
  it('reads the person an account stands for, trimmed', () => {
    expect(
      readLocalAccounts(
        config([
          { username: 'enroll', password: 'change-me-please' },
          {
            username: 'alice',
            password: 'alice-enrolls-her-mac',
            realName: ' Alice Archer ',
            email: 'alice@example.com',
          },
        ]),
      ),
    ).toEqual([
      { username: 'enroll', password: 'change-me-please' },
      {
        username: 'alice',
        password: 'alice-enrolls-her-mac',
        realName: 'Alice Archer',
        email: 'alice@example.com',
      },
    ]);
  });

  it('refuses an e-mail that is not one, naming the account but not its password', () => {
    const read = () =>
      readLocalAccounts(
        config([
          { username: 'enroll', password: 'change-me-please' },
          {
            username: 'alice',
            password: 'alice-enrolls-her-mac',
            email: 'alice at example.com',
          },
        ]),
      );
    expect(read).toThrow(
      /^enrollment\.portal\.localAccounts\[1\] \(alice\): email is not an e-mail address/,
    );
    expect(read).not.toThrow(/alice-enrolls-her-mac/);
  });

  it('hands the person to the store with the hash', async () => {
    const store = { syncFromConfig: jest.fn(async () => {}) };
    await syncLocalAccounts(store, [
      {
        username: 'alice',
        passwordHash: 'scrypt$16384$8$5$c2FsdA==$a2V5',
        realName: 'Alice Archer',
        email: 'alice@example.com',
      },
    ]);
    expect(store.syncFromConfig).toHaveBeenCalledWith([
      {
        username: 'alice',
        passwordHash: 'scrypt$16384$8$5$c2FsdA==$a2V5',
        realName: 'Alice Archer',
        email: 'alice@example.com',
      },
    ]);
  });
});
