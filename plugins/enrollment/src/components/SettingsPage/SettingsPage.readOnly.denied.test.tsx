// Its own file: permission decisions are cached per module, so a denial
// must not share a test file with tests that were allowed.
import { mockApis } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import {
  mockEnrollmentApi,
  portalSettings,
  renderEnrollment,
  site,
} from '../../__testUtils__/enrollment';

describe('SettingsPage without the update permission', () => {
  it('shows the settings read-only, without Save or site changes', async () => {
    const permissionApi = mockApis.permission({
      authorize: request =>
        request.permission.name === 'enrollment.settings.update'
          ? 'DENY'
          : 'ALLOW',
    });
    const api = mockEnrollmentApi({
      getSettings: jest.fn().mockResolvedValue(
        portalSettings({
          organizationName: 'Acme',
          restrictToLdapGroups: ['mac-users'],
        }),
      ),
      listSites: jest.fn().mockResolvedValue({ items: [site()] }),
    });
    await renderEnrollment('/settings', api, permissionApi);

    expect(await screen.findByLabelText('Organization name')).toHaveValue(
      'Acme',
    );
    expect(
      screen.getByText(/You can see these settings but not change them/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Organization name')).toBeDisabled();
    expect(screen.getByLabelText('Welcome')).toBeDisabled();
    expect(screen.getByLabelText('Agreement text')).toBeDisabled();
    for (const name of [
      'Portal enabled',
      'Skip certificate installation',
      'Ask people to accept a license agreement',
      'Let people choose a site when the invitation names none',
      'Let enrolled Macs enroll again',
    ]) {
      // By label: a role query computes every candidate's name, and this
      // page is big.
      expect(screen.getByLabelText(name)).toBeDisabled();
    }
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();

    const sites = await screen.findByRole('list', { name: 'Sites' });
    expect(within(sites).getByText('Paris')).toBeInTheDocument();
    expect(within(sites).queryByRole('button')).toBeNull();
    expect(screen.queryByLabelText('New site')).toBeNull();

    expect(screen.getByText('mac-users')).toBeInTheDocument();
    expect(screen.queryByTitle('Remove mac-users')).toBeNull();
    expect(screen.queryByLabelText('Add a group')).toBeNull();

    expect(screen.getByLabelText('Send a test email to')).toBeDisabled();
    expect(
      screen.getByRole('button', { name: 'Send test email' }),
    ).toBeDisabled();

    // The push certificate and agent package are shown, not changeable.
    expect(
      await screen.findByText(
        'com.apple.mgmt.External.5d9c5e4a-0c7e-4b53-9d3e-2f9a1b7c6d10',
      ),
    ).toBeInTheDocument();
    expect(await screen.findByText('Acme Agent')).toBeInTheDocument();
    expect(screen.queryByLabelText('Choose .p12 file')).toBeNull();
    expect(screen.queryByLabelText('Choose .pkg file')).toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Remove certificate' }),
    ).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove package' })).toBeNull();

    // The preview still works for readers.
    expect(
      screen.getByRole('region', { name: 'Portal preview' }),
    ).toBeInTheDocument();
  });
});
