// Its own file: permission decisions are cached per module, so a denial
// must not share a test file with tests that were allowed.
import { mockApis } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import {
  invitationDetails,
  mockEnrollmentApi,
  renderEnrollment,
} from '../../__testUtils__/enrollment';

describe('InvitationPage without the update, delete and event permissions', () => {
  it('shows the invitation but offers neither cancel, delete, resend nor its activity', async () => {
    const permissionApi = mockApis.permission({ authorize: 'DENY' });
    const authorize = jest.spyOn(permissionApi, 'authorize');
    const api = mockEnrollmentApi({
      getInvitation: jest.fn().mockResolvedValue(
        invitationDetails({
          status: 'failed',
          recipientDetails: [
            {
              email: 'bob@example.com',
              state: 'failed',
              attempts: 5,
              ownLink: true,
            },
          ],
        }),
      ),
    });
    await renderEnrollment('/invitations/inv-1', api, permissionApi);

    expect(await screen.findByText('bob@example.com')).toBeInTheDocument();
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({
            name: 'enrollment.invitation.update',
          }),
          resourceRef: 'inv-1',
        }),
      ),
    );
    expect(
      screen.queryByRole('button', { name: 'Cancel invitation' }),
    ).not.toBeInTheDocument();
    await waitFor(() =>
      expect(authorize.mock.calls.map(([r]) => r.permission.name)).toContain(
        'enrollment.invitation.delete',
      ),
    );
    expect(
      screen.queryByRole('button', { name: 'Delete invitation' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Resend to/ }),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    // Links are shown again only to those who may create invitations.
    await waitFor(() =>
      expect(authorize.mock.calls.map(([r]) => r.permission.name)).toContain(
        'enrollment.invitation.create',
      ),
    );
    expect(
      screen.queryByRole('button', { name: 'Show link' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /The link of/ }),
    ).not.toBeInTheDocument();

    expect(
      screen.getByText('Enrolled computers', { selector: 'span' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(authorize.mock.calls.map(([r]) => r.permission.name)).toContain(
        'enrollment.event.read',
      ),
    );
    expect(screen.queryByText('Activity')).not.toBeInTheDocument();
    expect(api.listEvents).not.toHaveBeenCalled();
  });
});
