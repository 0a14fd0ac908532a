// Its own file: permission decisions are cached per module, so a denial
// must not share a test file with tests that were allowed.
import { mockApis } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import {
  invitation,
  mockEnrollmentApi,
  page,
  renderEnrollment,
} from '../../__testUtils__/enrollment';

describe('InvitationsPage without the create permission', () => {
  it('hides "New invitation" but still lists the invitations', async () => {
    const permissionApi = mockApis.permission({ authorize: 'DENY' });
    const authorize = jest.spyOn(permissionApi, 'authorize');
    const api = mockEnrollmentApi({
      listInvitations: jest.fn().mockResolvedValue(page([invitation()])),
    });
    await renderEnrollment('', api, permissionApi);

    expect(
      await screen.findByRole('link', {
        name: /^jane@example\.com,\s*bob@example\.com$/,
      }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({
            name: 'enrollment.invitation.create',
          }),
        }),
      ),
    );
    expect(
      screen.queryByRole('button', { name: 'New invitation' }),
    ).not.toBeInTheDocument();
  });
});
