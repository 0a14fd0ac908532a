// Its own file: permission decisions are cached per module, so a denial
// must not share a test file with tests that were allowed.
import { mockApis } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import {
  mockEnrollmentApi,
  renderEnrollment,
} from '../../__testUtils__/enrollment';

describe('EnrollmentPage without the settings, account and event permissions', () => {
  it('links neither the settings, the portal accounts nor the activity', async () => {
    const permissionApi = mockApis.permission({ authorize: 'DENY' });
    const authorize = jest.spyOn(permissionApi, 'authorize');
    await renderEnrollment('', mockEnrollmentApi(), permissionApi);

    expect(
      screen.getByRole('tab', { name: 'Invitations' }),
    ).toBeInTheDocument();
    await waitFor(() => {
      const asked = authorize.mock.calls.map(([r]) => r.permission.name);
      expect(asked).toEqual(
        expect.arrayContaining([
          'enrollment.settings.read',
          'enrollment.portal-account.manage',
          'enrollment.event.read',
        ]),
      );
    });
    expect(screen.queryByRole('tab', { name: 'Settings' })).toBeNull();
    expect(screen.queryByRole('tab', { name: 'Portal accounts' })).toBeNull();
    expect(screen.queryByRole('tab', { name: 'Activity' })).toBeNull();
    // Computers are readable per site, which cannot be asked up front.
    expect(screen.getByRole('tab', { name: 'Computers' })).toBeInTheDocument();
  });

  it('still names the page being shown, which explains what is missing', async () => {
    await renderEnrollment(
      '/settings',
      mockEnrollmentApi(),
      mockApis.permission({ authorize: 'DENY' }),
    );
    expect(
      await screen.findByText(/You need the enrollment.settings.read/),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Settings' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.queryByRole('tab', { name: 'Portal accounts' })).toBeNull();
  });
});
