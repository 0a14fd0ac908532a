import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { enrollmentApiRef } from '../../api';
import {
  mockEnrollmentApi,
  responseError,
} from '../../__testUtils__/enrollment';
import { loadedSettings } from '../../__testUtils__/settingsSection';
import { SettingsEditor } from './SettingsEditor';

// These tests are about what Save sends, Discard and the preview: the cards
// they do not touch are left out (each has its own test file, and the page
// test renders them all), so that each test renders a fraction of the page.
// None of them changes the settings that Save sends.
jest.mock('./LanguagesCard', () => ({ LanguagesCard: () => null }));
jest.mock('./SitesCard', () => ({ SitesCard: () => null }));
jest.mock('./DirectoryCard', () => ({ DirectoryCard: () => null }));
jest.mock('./MailTestCard', () => ({ MailTestCard: () => null }));
jest.mock('./PushCertificateCard', () => ({ PushCertificateCard: () => null }));
jest.mock('./ProfileSigningCard', () => ({ ProfileSigningCard: () => null }));
jest.mock('./AgentPackageCard', () => ({ AgentPackageCard: () => null }));

const loaded = loadedSettings;

type User = ReturnType<typeof userEvent.setup>;

/** Replaces a field's text as pasting would: one change, not one per key. */
async function replaceText(user: User, label: string, text: string) {
  const field = screen.getByLabelText(label);
  await user.clear(field);
  await user.paste(text);
}

// Role queries compute the role and name of every candidate in the page:
// look switches up by their label (toBeChecked still insists on a
// checkbox), and the save bar's buttons within it.
function switchNamed(name: string) {
  return screen.getByLabelText(name);
}

function saveBarButton(name: 'Save' | 'Discard changes') {
  const bar = screen.getByText(
    /^(No unsaved changes|You have unsaved changes)\.$/,
  ).parentElement!;
  return within(bar).getByRole('button', { name });
}

/** The editor as the page shows it once the settings loaded. */
async function renderEditor(
  overrides: Parameters<typeof mockEnrollmentApi>[0] = {},
) {
  const api = mockEnrollmentApi(overrides);
  await renderInTestApp(
    <TestApiProvider apis={[[enrollmentApiRef, api]]}>
      <SettingsEditor initial={loaded} canUpdate />
    </TestApiProvider>,
  );
  await screen.findByLabelText('Organization name');
  return api;
}

describe('SettingsEditor', () => {
  it('saves the whole settings object with the changes', async () => {
    const user = userEvent.setup({ delay: null });
    const api = await renderEditor();

    await replaceText(user, 'Organization name', 'Acme Corp');
    await user.click(switchNamed('Portal enabled'));
    await user.click(switchNamed('Let enrolled Macs enroll again'));
    await replaceText(user, 'Profile', 'Install it.');
    await user.click(switchNamed('Ask people to accept a license agreement'));
    await replaceText(user, 'Agreement text', 'Be kind.');
    expect(screen.getByText('You have unsaved changes.')).toBeInTheDocument();

    await user.click(saveBarButton('Save'));

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
    const user = userEvent.setup({ delay: null });
    await renderEditor();
    const preview = screen.getByRole('region', { name: 'Portal preview' });
    expect(within(preview).getByText('Welcome to Acme')).toBeInTheDocument();
    expect(within(preview).getByText('Acme')).toBeInTheDocument();
    expect(
      within(preview).getByText('Need help? Contact it@acme.test.'),
    ).toBeInTheDocument();

    await replaceText(user, 'Welcome', 'Hello <b>x</b>');
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
    const user = userEvent.setup({ delay: null });
    const api = await renderEditor();
    await user.click(switchNamed('Ask people to accept a license agreement'));
    expect(
      screen.getByText('Enter the agreement, or turn it off.'),
    ).toBeInTheDocument();

    await user.click(saveBarButton('Save'));
    expect(
      screen.getByText(
        'Not saved. The license agreement is turned on but has no text. Enter its text or turn it off.',
      ),
    ).toBeInTheDocument();
    expect(api.saveSettings).not.toHaveBeenCalled();
  });

  it('keeps the edits and shows why when saving fails', async () => {
    const user = userEvent.setup({ delay: null });
    const api = await renderEditor({
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
    await user.click(saveBarButton('Save'));

    expect(
      await screen.findByText(
        'The settings were not saved: Invalid settings: supportContact: too long',
      ),
    ).toBeInTheDocument();
    expect(api.saveSettings).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText('Support contact')).toHaveValue('Call 1234');
    expect(screen.getByText('You have unsaved changes.')).toBeInTheDocument();
    expect(saveBarButton('Save')).toBeEnabled();
  });

  it('discards the changes on request', async () => {
    const user = userEvent.setup({ delay: null });
    await renderEditor();
    await user.type(screen.getByLabelText('Organization name'), ' Inc');
    await user.click(saveBarButton('Discard changes'));
    expect(screen.getByLabelText('Organization name')).toHaveValue('Acme');
    expect(screen.getByText('No unsaved changes.')).toBeInTheDocument();
  });
});
