import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockEnrollmentApi,
  portalSettings,
  renderEnrollment,
  responseError,
  site,
} from '../../__testUtils__/enrollment';

const loaded = portalSettings({
  portalEnabled: true,
  skipCertificateInstallation: true,
  organizationName: 'Acme',
  supportContact: 'it@acme.test',
  texts: {
    welcome: 'Welcome to Acme',
    login: 'Use your Acme account.',
    certificate: 'Trust us first.',
    profile: 'Now the profile.',
    quickadd: 'Open the package.',
  },
  eula: { enabled: false, text: '' },
  allowSiteChoice: true,
  restrictToLdapGroups: ['mac-users', 'it-staff'],
  allowReenrollment: false,
});

type User = ReturnType<typeof userEvent.setup>;

/** Replaces a field's text as pasting would: one change, not one per key. */
async function replaceText(user: User, label: string, text: string) {
  const field = screen.getByLabelText(label);
  await user.clear(field);
  await user.paste(text);
}

function switchNamed(name: string) {
  return screen.getByRole('checkbox', { name });
}

async function renderSettings(
  overrides: Parameters<typeof mockEnrollmentApi>[0] = {},
) {
  const api = mockEnrollmentApi({
    getSettings: jest.fn().mockResolvedValue(loaded),
    listSites: jest.fn().mockResolvedValue({ items: [site()] }),
    ...overrides,
  });
  await renderEnrollment('/settings', api);
  await screen.findByLabelText('Organization name');
  return api;
}

describe('SettingsPage', () => {
  it('shows the loaded settings', async () => {
    const api = await renderSettings();

    expect(screen.getByLabelText('Organization name')).toHaveValue('Acme');
    expect(screen.getByLabelText('Organization name')).toHaveAttribute(
      'placeholder',
      'the configured organization',
    );
    expect(screen.getByLabelText('Support contact')).toHaveValue(
      'it@acme.test',
    );
    expect(switchNamed('Portal enabled')).toBeChecked();
    expect(switchNamed('Skip certificate installation')).toBeChecked();
    expect(switchNamed('Let enrolled Macs enroll again')).not.toBeChecked();
    expect(
      switchNamed('Ask people to accept a license agreement'),
    ).not.toBeChecked();
    expect(
      switchNamed('Let people choose a site when the invitation names none'),
    ).toBeChecked();
    expect(screen.getByLabelText('Welcome')).toHaveValue('Welcome to Acme');
    expect(screen.getByLabelText('QuickAdd')).toHaveValue('Open the package.');
    const groups = screen.getByRole('group', { name: 'Allowed groups' });
    expect(within(groups).getByText('mac-users')).toBeInTheDocument();
    expect(within(groups).getByText('it-staff')).toBeInTheDocument();
    expect(await screen.findByText('Paris')).toBeInTheDocument();
    expect(screen.getByText('No unsaved changes.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(api.getSettings).toHaveBeenCalledTimes(1);
    // The push certificate and the agent package, changed at once, not saved.
    expect(
      await screen.findByText(
        'com.apple.mgmt.External.5d9c5e4a-0c7e-4b53-9d3e-2f9a1b7c6d10',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Choose .p12 file')).toBeInTheDocument();
    expect(await screen.findByText('Acme Agent')).toBeInTheDocument();
    expect(screen.getByLabelText('Choose .pkg file')).toBeInTheDocument();
  });

  it('saves the whole settings object with the changes', async () => {
    const user = userEvent.setup();
    const api = await renderSettings();

    await replaceText(user, 'Organization name', 'Acme Corp');
    await user.click(switchNamed('Portal enabled'));
    await user.click(switchNamed('Let enrolled Macs enroll again'));
    await replaceText(user, 'Profile', 'Install it.');
    await user.click(switchNamed('Ask people to accept a license agreement'));
    await replaceText(user, 'Agreement text', 'Be kind.');
    expect(screen.getByText('You have unsaved changes.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(api.saveSettings).toHaveBeenCalledTimes(1);
    expect(api.saveSettings).toHaveBeenCalledWith({
      ...loaded,
      portalEnabled: false,
      organizationName: 'Acme Corp',
      allowReenrollment: true,
      texts: { ...loaded.texts, profile: 'Install it.' },
      eula: { enabled: true, text: 'Be kind.' },
    });
    expect(
      await screen.findByText('The settings were saved.'),
    ).toBeInTheDocument();
    expect(screen.getByText('No unsaved changes.')).toBeInTheDocument();
  });

  it('previews a step with what was typed as text, never as markup', async () => {
    const user = userEvent.setup();
    await renderSettings();
    const preview = screen.getByRole('region', { name: 'Portal preview' });
    expect(within(preview).getByText('Welcome to Acme')).toBeInTheDocument();
    expect(within(preview).getByText('Acme')).toBeInTheDocument();
    expect(
      within(preview).getByText('Need help? Contact it@acme.test.'),
    ).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Welcome'));
    await user.type(screen.getByLabelText('Welcome'), 'Hello <b>x</b>');
    expect(within(preview).getByText('Hello <b>x</b>')).toBeInTheDocument();
    expect(preview.querySelector('b')).toBeNull();

    // Editing a download text shows the download page; the certificate
    // step is skipped in these settings.
    await user.click(screen.getByLabelText('Profile'));
    expect(within(preview).getByText('Now the profile.')).toBeInTheDocument();
    expect(
      within(preview).getByText('Install the management profile'),
    ).toBeInTheDocument();
    expect(
      within(preview).queryByText('Trust us first.'),
    ).not.toBeInTheDocument();

    await user.click(switchNamed('Skip certificate installation'));
    expect(within(preview).getByText('Trust us first.')).toBeInTheDocument();
    expect(
      within(preview).getByText('2. Install the management profile'),
    ).toBeInTheDocument();
  });

  it('refuses to save an enabled license agreement without text', async () => {
    const user = userEvent.setup();
    const api = await renderSettings();
    await user.click(switchNamed('Ask people to accept a license agreement'));
    expect(
      screen.getByText('Enter the agreement, or turn it off.'),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      screen.getByText(
        'Not saved. The license agreement is turned on but has no text. Enter its text or turn it off.',
      ),
    ).toBeInTheDocument();
    expect(api.saveSettings).not.toHaveBeenCalled();
  });

  it('keeps the edits and shows why when saving fails', async () => {
    const user = userEvent.setup();
    const api = await renderSettings({
      saveSettings: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            400,
            'Bad Request',
            'Invalid settings: supportContact: too long',
          ),
        ),
    });
    await replaceText(user, 'Support contact', 'Call 1234');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(
      await screen.findByText(
        'The settings were not saved: Invalid settings: supportContact: too long',
      ),
    ).toBeInTheDocument();
    expect(api.saveSettings).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText('Support contact')).toHaveValue('Call 1234');
    expect(screen.getByText('You have unsaved changes.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
  });

  it('discards the changes on request', async () => {
    const user = userEvent.setup();
    await renderSettings();
    await user.type(screen.getByLabelText('Organization name'), ' Inc');
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(screen.getByLabelText('Organization name')).toHaveValue('Acme');
    expect(screen.getByText('No unsaved changes.')).toBeInTheDocument();
  });

  it('adds groups with Enter and removes them with their chip', async () => {
    const user = userEvent.setup();
    const api = await renderSettings();
    const groups = screen.getByRole('group', { name: 'Allowed groups' });

    await user.type(screen.getByLabelText('Add a group'), ' designers {Enter}');
    expect(within(groups).getByText('designers')).toBeInTheDocument();
    expect(screen.getByLabelText('Add a group')).toHaveValue('');

    await user.type(screen.getByLabelText('Add a group'), 'it-staff{Enter}');
    expect(
      screen.getByText('it-staff is already in the list.'),
    ).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Add a group'));

    await user.click(within(groups).getByTitle('Remove mac-users'));
    expect(within(groups).queryByText('mac-users')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(api.saveSettings).toHaveBeenCalledWith({
      ...loaded,
      restrictToLdapGroups: ['it-staff', 'designers'],
    });
  });

  it('says every directory user may enroll when no group is left', async () => {
    const user = userEvent.setup();
    await renderSettings({
      getSettings: jest
        .fn()
        .mockResolvedValue({ ...loaded, restrictToLdapGroups: ['only'] }),
    });
    await user.click(screen.getByTitle('Remove only'));
    expect(
      screen.getByText('No groups: every directory user may enroll.'),
    ).toBeInTheDocument();
  });

  it('adds, renames and deletes sites at once', async () => {
    const user = userEvent.setup();
    const lyon = site({ id: 's-2', name: 'Lyon' });
    const api = await renderSettings({
      createSite: jest.fn().mockResolvedValue(lyon),
      renameSite: jest
        .fn()
        .mockResolvedValue(site({ id: 's-1', name: 'Marseille' })),
      deleteSite: jest.fn().mockResolvedValue(undefined),
    });
    const sites = await screen.findByRole('list', { name: 'Sites' });
    expect(within(sites).getByText('Paris')).toBeInTheDocument();

    await user.type(screen.getByLabelText('New site'), ' Lyon {Enter}');
    expect(api.createSite).toHaveBeenCalledWith('Lyon');
    expect(await within(sites).findByText('Lyon')).toBeInTheDocument();
    expect(screen.getByLabelText('New site')).toHaveValue('');

    await user.click(screen.getByRole('button', { name: 'Rename Paris' }));
    const field = screen.getByLabelText('New name for Paris');
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.type(field, 'Marseille{Enter}');
    expect(api.renameSite).toHaveBeenCalledWith('s-1', 'Marseille');
    expect(await within(sites).findByText('Marseille')).toBeInTheDocument();
    expect(within(sites).queryByText('Paris')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete Lyon' }));
    expect(api.deleteSite).toHaveBeenCalledWith('s-2');
    await waitFor(() =>
      expect(within(sites).queryByText('Lyon')).not.toBeInTheDocument(),
    );
    // Sites are not part of the settings that Save sends.
    expect(screen.getByText('No unsaved changes.')).toBeInTheDocument();
  });

  it('shows why a site in use cannot be deleted, and keeps it', async () => {
    const user = userEvent.setup();
    const message =
      'The site "Paris" is used by 2 invitation(s) and 5 computer(s); move them to another site first';
    await renderSettings({
      deleteSite: jest
        .fn()
        .mockRejectedValue(await responseError(409, 'Conflict', message)),
    });
    await user.click(
      await screen.findByRole('button', { name: 'Delete Paris' }),
    );
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Sites' })).getByText('Paris'),
    ).toBeInTheDocument();
  });

  it('shows why a rename was refused in the row being edited', async () => {
    const user = userEvent.setup();
    await renderSettings({
      renameSite: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            409,
            'Conflict',
            'A site named "Lyon" already exists',
          ),
        ),
    });
    await user.click(
      await screen.findByRole('button', { name: 'Rename Paris' }),
    );
    const field = screen.getByLabelText('New name for Paris');
    await user.clear(field);
    await user.type(field, 'Lyon{Enter}');
    expect(
      await screen.findByText('A site named "Lyon" already exists'),
    ).toBeInTheDocument();
    expect(field).toHaveValue('Lyon');

    await user.type(field, '{Escape}');
    expect(
      screen.queryByLabelText('New name for Paris'),
    ).not.toBeInTheDocument();
    expect(screen.getByText('Paris')).toBeInTheDocument();
  });

  it('sends a test email and shows the message id', async () => {
    const user = userEvent.setup();
    const api = await renderSettings({
      sendTestEmail: jest.fn().mockResolvedValue({ messageId: '<abc@mail>' }),
    });
    await user.type(
      screen.getByLabelText('Send a test email to'),
      'it@acme.test',
    );
    await user.click(screen.getByRole('button', { name: 'Send test email' }));
    expect(api.sendTestEmail).toHaveBeenCalledWith('it@acme.test');
    expect(
      await screen.findByText(
        'The mail server accepted the message for it@acme.test. Message id: <abc@mail>',
      ),
    ).toBeInTheDocument();
  });

  it("shows the mail server's reason when the test email fails", async () => {
    const user = userEvent.setup();
    const message =
      'The mail server did not take the message: connect ECONNREFUSED. Check enrollment.smtp and try again.';
    await renderSettings({
      sendTestEmail: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            503,
            'Service Unavailable',
            message,
            'ServiceUnavailableError',
          ),
        ),
    });
    await user.type(
      screen.getByLabelText('Send a test email to'),
      'it@acme.test',
    );
    await user.click(screen.getByRole('button', { name: 'Send test email' }));
    expect(await screen.findByText(message)).toBeInTheDocument();
  });

  it('shows an error panel when the settings cannot be loaded', async () => {
    const api = mockEnrollmentApi({
      getSettings: jest
        .fn()
        .mockRejectedValue(
          await responseError(500, 'Internal Server Error', 'database down'),
        ),
    });
    await renderEnrollment('/settings', api);
    expect(
      (await screen.findAllByText(/database down/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByLabelText('Organization name')).toBeNull();
  });
});
