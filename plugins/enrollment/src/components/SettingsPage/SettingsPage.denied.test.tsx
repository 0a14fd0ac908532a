// Its own file: permission decisions are cached per module, so a denial
// must not share a test file with tests that were allowed.
import { mockApis } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import {
  mockEnrollmentApi,
  renderEnrollment,
} from '../../__testUtils__/enrollment';

describe('SettingsPage without the read permission', () => {
  it('says which permission is missing and loads nothing', async () => {
    const permissionApi = mockApis.permission({ authorize: 'DENY' });
    const authorize = jest.spyOn(permissionApi, 'authorize');
    const api = mockEnrollmentApi();
    await renderEnrollment('/settings', api, permissionApi);

    expect(
      await screen.findByText(
        'You need the enrollment.settings.read permission to see the enrollment settings.',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({
            name: 'enrollment.settings.read',
          }),
        }),
      ),
    );
    expect(api.getSettings).not.toHaveBeenCalled();
    expect(api.listSites).not.toHaveBeenCalled();
    expect(api.getPushCertificate).not.toHaveBeenCalled();
    expect(api.getAgentPackage).not.toHaveBeenCalled();
    expect(screen.queryByLabelText('Organization name')).toBeNull();
  });
});
