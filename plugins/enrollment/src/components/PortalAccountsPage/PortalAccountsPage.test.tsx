import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockEnrollmentApi,
  portalAccount,
  renderEnrollment,
  responseError,
} from '../../__testUtils__/enrollment';
import { formatDateTime } from '../../utils/format';

const helpdesk = portalAccount({ username: 'helpdesk' });
const kiosk = portalAccount({
  username: 'kiosk',
  source: 'config',
  createdAt: '2029-05-01T08:00:00.000Z',
  updatedAt: '2029-05-01T08:00:00.000Z',
});
const retired = portalAccount({ username: 'retired.tech', disabled: true });

type User = ReturnType<typeof userEvent.setup>;

function row(username: string) {
  return screen.getByText(username).closest('tr')!;
}

async function renderAccounts(
  overrides: Parameters<typeof mockEnrollmentApi>[0] = {},
) {
  const api = mockEnrollmentApi({
    listPortalAccounts: jest
      .fn()
      .mockResolvedValue({ items: [helpdesk, kiosk, retired] }),
    ...overrides,
  });
  await renderEnrollment('/accounts', api);
  await screen.findByText('helpdesk');
  return api;
}

/**
 * Enters a whole value as pasting would: one change, not one render of the
 * dialog per key (typing itself is what 'checks a new account as it is
 * typed' is about).
 */
async function enter(user: User, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

/** A new account's username, and a password the backend takes, twice. */
async function enterAccount(user: User, dialog: HTMLElement, username: string) {
  await enter(user, within(dialog).getByLabelText('Username'), username);
  for (const label of ['Password', 'Confirm password']) {
    await enter(
      user,
      within(dialog).getByLabelText(label),
      'correct horse battery',
    );
  }
}

async function openAddDialog(user: User) {
  await user.click(screen.getByRole('button', { name: 'Add account' }));
  return screen.findByRole('dialog');
}

describe('PortalAccountsPage', () => {
  it('lists the accounts with their source and status', async () => {
    await renderAccounts();

    const added = row('helpdesk');
    expect(within(added).getByText('Added here')).toBeInTheDocument();
    expect(within(added).getByText('Active')).toBeInTheDocument();
    expect(
      within(added).getByText(formatDateTime(helpdesk.createdAt)),
    ).toBeInTheDocument();
    expect(
      within(added).getByText(formatDateTime(helpdesk.updatedAt)),
    ).toBeInTheDocument();
    expect(
      within(added).getByRole('button', { name: 'Disable helpdesk' }),
    ).toBeInTheDocument();
    expect(
      within(added).getByRole('button', {
        name: 'Reset password of helpdesk',
      }),
    ).toBeInTheDocument();

    const fromConfig = row('kiosk');
    expect(within(fromConfig).getByText('Config')).toBeInTheDocument();
    expect(
      within(fromConfig).getByText('Managed in app-config'),
    ).toBeInTheDocument();
    expect(within(fromConfig).queryByRole('button')).toBeNull();

    const disabled = row('retired.tech');
    expect(within(disabled).getByText('Disabled')).toBeInTheDocument();
    expect(
      within(disabled).getByRole('button', { name: 'Enable retired.tech' }),
    ).toBeInTheDocument();
  });

  it('says when there are no accounts', async () => {
    const api = mockEnrollmentApi();
    await renderEnrollment('/accounts', api);
    expect(
      await screen.findByText(/No portal accounts yet/),
    ).toBeInTheDocument();
  });

  it('shows an error panel when the accounts cannot be listed', async () => {
    const api = mockEnrollmentApi({
      listPortalAccounts: jest
        .fn()
        .mockRejectedValue(
          await responseError(500, 'Internal Server Error', 'database down'),
        ),
    });
    await renderEnrollment('/accounts', api);
    expect(
      (await screen.findAllByText(/database down/)).length,
    ).toBeGreaterThan(0);
  });

  it('checks a new account as it is typed', async () => {
    const user = userEvent.setup({ delay: null });
    const api = await renderAccounts();
    const dialog = await openAddDialog(user);
    const add = within(dialog).getByRole('button', { name: 'Add account' });
    expect(add).toBeDisabled();

    await user.type(within(dialog).getByLabelText('Username'), 'new admin');
    expect(
      within(dialog).getByText('Use letters, digits and . _ @ - only.'),
    ).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText('Username'));
    await user.paste('x'.repeat(65));
    expect(
      within(dialog).getByText('At most 64 characters.'),
    ).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText('Username'));
    await user.type(within(dialog).getByLabelText('Username'), 'new.admin');
    expect(
      within(dialog).queryByText(/Use letters, digits/),
    ).not.toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('Password'), 'short');
    expect(
      within(dialog).getByText('Use at least 12 characters.'),
    ).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Password'), ' but longer');
    expect(
      within(dialog).queryByText('Use at least 12 characters.'),
    ).not.toBeInTheDocument();

    await user.type(
      within(dialog).getByLabelText('Confirm password'),
      'short but long',
    );
    expect(
      within(dialog).getByText('The passwords do not match.'),
    ).toBeInTheDocument();
    expect(add).toBeDisabled();

    await user.type(within(dialog).getByLabelText('Confirm password'), 'er');
    expect(
      within(dialog).queryByText('The passwords do not match.'),
    ).not.toBeInTheDocument();
    expect(add).toBeEnabled();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.createPortalAccount).not.toHaveBeenCalled();
  });

  it('adds an account that stands for a person, and shows the person', async () => {
    const user = userEvent.setup({ delay: null });
    const added = portalAccount({
      username: 'alice',
      realName: 'Alice Archer',
      email: 'alice@example.com',
    });
    const api = await renderAccounts({
      createPortalAccount: jest.fn().mockResolvedValue(added),
    });
    api.listPortalAccounts.mockResolvedValue({
      items: [helpdesk, kiosk, retired, added],
    });

    const dialog = await openAddDialog(user);
    await enterAccount(user, dialog, 'alice');
    await enter(
      user,
      within(dialog).getByLabelText('Full name (optional)'),
      'Alice Archer',
    );
    const email = within(dialog).getByLabelText('Email (optional)');
    await enter(user, email, 'alice at example.com');
    expect(
      within(dialog).getByText(
        'Enter an email address such as alice@example.com.',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Add account' }),
    ).toBeDisabled();

    await user.clear(email);
    await enter(user, email, 'alice@example.com');
    await user.click(
      within(dialog).getByRole('button', { name: 'Add account' }),
    );

    expect(api.createPortalAccount).toHaveBeenCalledWith(
      'alice',
      'correct horse battery',
      { realName: 'Alice Archer', email: 'alice@example.com' },
    );
    expect(
      await screen.findByRole('columnheader', { name: 'Full name' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Alice Archer')).toBeInTheDocument();
    expect(
      within(row('alice')).getByText('alice@example.com'),
    ).toBeInTheDocument();
  });

  it('adds an account and lists the accounts again', async () => {
    const user = userEvent.setup({ delay: null });
    const added = portalAccount({ username: 'new.admin' });
    const api = await renderAccounts({
      createPortalAccount: jest.fn().mockResolvedValue(added),
    });
    api.listPortalAccounts.mockResolvedValue({
      items: [helpdesk, kiosk, retired, added],
    });

    const dialog = await openAddDialog(user);
    await enterAccount(user, dialog, ' new.admin ');
    await user.keyboard('{Enter}');

    expect(api.createPortalAccount).toHaveBeenCalledWith(
      'new.admin',
      'correct horse battery',
    );
    expect(
      await screen.findByText('The account new.admin was added.'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(await screen.findByText('new.admin')).toBeInTheDocument();
    expect(api.listPortalAccounts).toHaveBeenCalledTimes(2);
  });

  it("keeps the dialog open with the backend's reason when adding fails", async () => {
    const user = userEvent.setup({ delay: null });
    const api = await renderAccounts({
      createPortalAccount: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            409,
            'Conflict',
            'A portal account named "helpdesk" already exists',
            'ConflictError',
          ),
        ),
    });
    const dialog = await openAddDialog(user);
    await enterAccount(user, dialog, 'helpdesk');
    await user.click(
      within(dialog).getByRole('button', { name: 'Add account' }),
    );
    expect(
      await within(dialog).findByText(
        'The account was not added: A portal account named "helpdesk" already exists',
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Username')).toHaveValue('helpdesk');
    expect(api.listPortalAccounts).toHaveBeenCalledTimes(1);
  });

  it('disables and enables an account', async () => {
    const user = userEvent.setup({ delay: null });
    const api = await renderAccounts({
      updatePortalAccount: jest
        .fn()
        .mockImplementation(async (username, change) =>
          portalAccount({ username, ...change }),
        ),
    });

    await user.click(screen.getByRole('button', { name: 'Disable helpdesk' }));
    expect(api.updatePortalAccount).toHaveBeenCalledWith('helpdesk', {
      disabled: true,
    });
    expect(
      await screen.findByText(
        'helpdesk is disabled and can no longer log in to the portal.',
      ),
    ).toBeInTheDocument();
    expect(within(row('helpdesk')).getByText('Disabled')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Enable helpdesk' }));
    expect(api.updatePortalAccount).toHaveBeenLastCalledWith('helpdesk', {
      disabled: false,
    });
    expect(
      await within(row('helpdesk')).findByText('Active'),
    ).toBeInTheDocument();

    await user.click(
      screen.getByRole('button', { name: 'Enable retired.tech' }),
    );
    expect(api.updatePortalAccount).toHaveBeenLastCalledWith('retired.tech', {
      disabled: false,
    });
  });

  it('grants and withdraws re-enrolling any Mac, config accounts included', async () => {
    const user = userEvent.setup({ delay: null });
    const api = await renderAccounts({
      updatePortalAccount: jest
        .fn()
        .mockImplementation(async (username, change) =>
          portalAccount({ username, ...change }),
        ),
    });
    const privilegeOf = (username: string) =>
      within(row(username)).getByRole('checkbox', {
        name: `Let ${username} re-enroll any Mac`,
      });
    expect(privilegeOf('helpdesk')).not.toBeChecked();

    await user.click(privilegeOf('kiosk'));
    expect(api.updatePortalAccount).toHaveBeenCalledWith('kiosk', {
      mayReenrollAnyMac: true,
    });
    expect(
      await screen.findByText(
        'kiosk may now re-enroll any Mac, also while re-enrollment is restricted to authorized users.',
      ),
    ).toBeInTheDocument();
    expect(privilegeOf('kiosk')).toBeChecked();

    await user.click(privilegeOf('kiosk'));
    expect(api.updatePortalAccount).toHaveBeenLastCalledWith('kiosk', {
      mayReenrollAnyMac: false,
    });
    await waitFor(() => expect(privilegeOf('kiosk')).not.toBeChecked());
  });

  it("shows the backend's reason when an account cannot be changed", async () => {
    const user = userEvent.setup({ delay: null });
    const message =
      'The portal account "helpdesk" comes from app-config (enrollment.portal.localAccounts); change it there';
    await renderAccounts({
      updatePortalAccount: jest
        .fn()
        .mockRejectedValue(
          await responseError(409, 'Conflict', message, 'ConflictError'),
        ),
    });
    await user.click(screen.getByRole('button', { name: 'Disable helpdesk' }));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(within(row('helpdesk')).getByText('Active')).toBeInTheDocument();
  });

  it('changes the person an account stands for, and clears it', async () => {
    const user = userEvent.setup({ delay: null });
    const alice = portalAccount({
      username: 'alice',
      realName: 'Alice Archer',
      email: 'alice@example.com',
    });
    const api = await renderAccounts({
      listPortalAccounts: jest
        .fn()
        .mockResolvedValue({ items: [helpdesk, kiosk, alice] }),
      updatePortalAccount: jest
        .fn()
        .mockResolvedValueOnce({
          ...alice,
          realName: 'Alice Baker',
          email: 'alice.baker@example.com',
        })
        .mockResolvedValueOnce({
          ...alice,
          realName: undefined,
          email: undefined,
        }),
    });
    // Accounts from app-config are changed there.
    expect(
      within(row('kiosk')).queryByRole('button', { name: /Edit the person/ }),
    ).not.toBeInTheDocument();

    await user.click(
      screen.getByRole('button', { name: 'Edit the person of alice' }),
    );
    let dialog = await screen.findByRole('dialog');
    const name = within(dialog).getByLabelText('Full name (optional)');
    const email = within(dialog).getByLabelText('Email (optional)');
    const save = within(dialog).getByRole('button', { name: 'Save person' });
    // The form starts from the account's person; nothing changed, nothing to save.
    expect(name).toHaveValue('Alice Archer');
    expect(email).toHaveValue('alice@example.com');
    expect(save).toBeDisabled();

    await user.clear(name);
    await enter(user, name, 'Alice Baker');
    await user.clear(email);
    await enter(user, email, 'alice.baker at example.com');
    expect(
      within(dialog).getByText(
        'Enter an email address such as alice@example.com.',
      ),
    ).toBeInTheDocument();
    expect(save).toBeDisabled();
    await user.clear(email);
    await enter(user, email, 'alice.baker@example.com');
    await user.click(save);

    expect(api.updatePortalAccount).toHaveBeenLastCalledWith('alice', {
      realName: 'Alice Baker',
      email: 'alice.baker@example.com',
    });
    expect(
      await screen.findByText(
        'Macs that alice enrolls from now on are recorded as this person’s.',
      ),
    ).toBeInTheDocument();
    expect(within(row('alice')).getByText('Alice Baker')).toBeInTheDocument();

    // Both fields empty: the account stands for no one ('' clears them).
    await user.click(
      screen.getByRole('button', { name: 'Edit the person of alice' }),
    );
    dialog = await screen.findByRole('dialog');
    await user.clear(within(dialog).getByLabelText('Full name (optional)'));
    await user.clear(within(dialog).getByLabelText('Email (optional)'));
    await user.click(
      within(dialog).getByRole('button', { name: 'Save person' }),
    );
    expect(api.updatePortalAccount).toHaveBeenLastCalledWith('alice', {
      realName: '',
      email: '',
    });
    expect(
      await screen.findByText('alice no longer stands for a person.'),
    ).toBeInTheDocument();
    expect(within(row('alice')).queryByText('Alice Baker')).toBeNull();
  });

  it('resets a password after checking the new one', async () => {
    const user = userEvent.setup({ delay: null });
    const api = await renderAccounts({
      updatePortalAccount: jest.fn().mockResolvedValue(helpdesk),
    });
    await user.click(
      screen.getByRole('button', { name: 'Reset password of helpdesk' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Reset the password of helpdesk'),
    ).toBeInTheDocument();
    const submit = within(dialog).getByRole('button', { name: 'Set password' });

    await enter(
      user,
      within(dialog).getByLabelText('New password'),
      'too short',
    );
    expect(
      within(dialog).getByText('Use at least 12 characters.'),
    ).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText('New password'));
    await enter(
      user,
      within(dialog).getByLabelText('New password'),
      'a much longer one',
    );
    await enter(
      user,
      within(dialog).getByLabelText('Confirm password'),
      'a much longer two',
    );
    expect(
      within(dialog).getByText('The passwords do not match.'),
    ).toBeInTheDocument();
    expect(submit).toBeDisabled();

    await user.clear(within(dialog).getByLabelText('Confirm password'));
    await enter(
      user,
      within(dialog).getByLabelText('Confirm password'),
      'a much longer one',
    );
    await user.click(submit);

    expect(api.updatePortalAccount).toHaveBeenCalledWith('helpdesk', {
      password: 'a much longer one',
    });
    expect(
      await screen.findByText('The password of helpdesk was changed.'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it.each([
    {
      dialog: 'reset',
      open: 'Reset password of helpdesk',
      fields: {
        'New password': 'a much longer one',
        'Confirm password': 'a much longer one',
      },
      submit: 'Set password',
      said: 'The password was not changed: No portal account helpdesk',
    },
    {
      dialog: 'person',
      open: 'Edit the person of helpdesk',
      fields: { 'Full name (optional)': 'Help Desk' },
      submit: 'Save person',
      said: 'The person was not changed: No portal account helpdesk',
    },
  ])(
    "keeps the $dialog dialog open with the backend's reason",
    async ({ open, fields, submit, said }) => {
      const user = userEvent.setup({ delay: null });
      await renderAccounts({
        updatePortalAccount: jest
          .fn()
          .mockRejectedValue(
            await responseError(
              404,
              'Not Found',
              'No portal account helpdesk',
              'NotFoundError',
            ),
          ),
      });
      await user.click(screen.getByRole('button', { name: open }));
      const dialog = await screen.findByRole('dialog');
      for (const [label, text] of Object.entries(fields)) {
        await enter(user, within(dialog).getByLabelText(label), text);
      }
      await user.click(within(dialog).getByRole('button', { name: submit }));
      expect(await within(dialog).findByText(said)).toBeInTheDocument();
      // What was typed is still there to try again.
      for (const [label, text] of Object.entries(fields)) {
        expect(within(dialog).getByLabelText(label)).toHaveValue(text);
      }
    },
  );
});
