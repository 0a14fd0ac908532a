// Its own file: permission decisions are cached per module, so a denial
// must not share a test file with tests that were allowed.
import { mockApis } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import {
  mockEnrollmentApi,
  renderEnrollment,
  responseError,
} from '../../__testUtils__/enrollment';

describe('ComputersPage without the computer read permission', () => {
  // enrollment.computer.read is decided per site, which the frontend cannot
  // ask about: the tab stays and the backend's 403 explains the rest.
  it('keeps the tab and says which permission is missing', async () => {
    const permissionApi = mockApis.permission({ authorize: 'DENY' });
    const authorize = jest.spyOn(permissionApi, 'authorize');
    const api = mockEnrollmentApi({
      listComputers: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            403,
            'Forbidden',
            'You are not allowed to do this: it needs the "enrollment.computer.read" permission',
            'NotAllowedError',
          ),
        ),
    });
    await renderEnrollment('/computers', api, permissionApi);

    expect(
      await screen.findByText(
        'You need the enrollment.computer.read permission to see the enrolled computers.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Computers' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByLabelText('Search computers')).toBeNull();
    await waitFor(() => expect(authorize).toHaveBeenCalled());
    const asked = authorize.mock.calls.map(([r]) => r.permission.name);
    expect(asked).not.toContain('enrollment.computer.read');
  });
});
