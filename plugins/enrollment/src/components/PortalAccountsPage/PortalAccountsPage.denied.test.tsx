// Its own file: permission decisions are cached per module, so a denial
// must not share a test file with tests that were allowed.
import { mockApis } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import {
  mockEnrollmentApi,
  renderEnrollment,
} from '../../__testUtils__/enrollment';

describe('PortalAccountsPage without the manage permission', () => {
  it('says which permission is missing instead of listing accounts', async () => {
    const permissionApi = mockApis.permission({ authorize: 'DENY' });
    const authorize = jest.spyOn(permissionApi, 'authorize');
    const api = mockEnrollmentApi();
    await renderEnrollment('/accounts', api, permissionApi);

    expect(
      await screen.findByText(
        'You need the enrollment.portal-account.manage permission to manage portal accounts.',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({
            name: 'enrollment.portal-account.manage',
          }),
        }),
      ),
    );
    expect(api.listPortalAccounts).not.toHaveBeenCalled();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add account' })).toBeNull();
  });
});
