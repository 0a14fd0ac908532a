// Its own file: permission decisions are cached per module, so a denial
// must not share a test file with tests that were allowed.
import { mockApis } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import {
  mockEnrollmentApi,
  renderEnrollment,
} from '../../__testUtils__/enrollment';

// Only the activity log is refused, so the other tabs show what is missing.
function permissionApiDenyingEvents() {
  const permissionApi = mockApis.permission({
    authorize: request =>
      request.permission.name === 'enrollment.event.read'
        ? ('DENY' as const)
        : ('ALLOW' as const),
  });
  return { permissionApi, authorize: jest.spyOn(permissionApi, 'authorize') };
}

describe('ActivityPage without the event read permission', () => {
  it('leaves the Activity tab out and keeps the others', async () => {
    const { permissionApi, authorize } = permissionApiDenyingEvents();
    await renderEnrollment('', mockEnrollmentApi(), permissionApi);

    expect(
      await screen.findByRole('tab', { name: 'Settings' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Computers' })).toBeInTheDocument();
    expect(
      screen.getByRole('tab', { name: 'Portal accounts' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(authorize.mock.calls.map(([r]) => r.permission.name)).toContain(
        'enrollment.event.read',
      ),
    );
    expect(screen.queryByRole('tab', { name: 'Activity' })).toBeNull();
  });

  it('says which permission is missing and loads nothing', async () => {
    const { permissionApi } = permissionApiDenyingEvents();
    const api = mockEnrollmentApi();
    await renderEnrollment('/activity', api, permissionApi);

    expect(
      await screen.findByText(
        'You need the enrollment.event.read permission to see the enrollment activity.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Activity' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(api.listEvents).not.toHaveBeenCalled();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByLabelText('Category')).toBeNull();
  });
});
