import { screen, within } from '@testing-library/react';
import {
  mockEnrollmentApi,
  renderEnrollment,
  responseError,
  site,
} from '../../__testUtils__/enrollment';
import { loadedSettings } from '../../__testUtils__/settingsSection';

const loaded = loadedSettings;

// Role queries compute the role and name of every candidate in the page,
// and the settings page is big: look switches up by their label (toBeChecked
// still insists on a checkbox), and the save bar's buttons within it.
function switchNamed(name: string) {
  return screen.getByLabelText(name);
}

function saveBarButton(name: 'Save' | 'Discard changes') {
  const bar = screen.getByText(
    /^(No unsaved changes|You have unsaved changes)\.$/,
  ).parentElement!;
  return within(bar).getByRole('button', { name });
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

// Saving, discarding and the preview are tested on the editor alone
// (SettingsEditor.test.tsx), each card on its own (<Card>.test.tsx): here
// only what needs the page.
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
    expect(saveBarButton('Save')).toBeDisabled();
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
