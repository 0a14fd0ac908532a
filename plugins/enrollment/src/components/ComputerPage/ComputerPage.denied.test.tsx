// Its own file: permission decisions are cached per module, so a denial
// must not share a test file with tests that were allowed.
import { mockApis } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import {
  mdmCommand,
  mockEnrollmentApi,
  renderEnrollment,
} from '../../__testUtils__/enrollment';

describe('ComputerPage without the command permission', () => {
  it('shows the computer and its history but sends it nothing', async () => {
    const permissionApi = mockApis.permission({ authorize: 'DENY' });
    const authorize = jest.spyOn(permissionApi, 'authorize');
    const api = mockEnrollmentApi({
      listComputerCommands: jest
        .fn()
        .mockResolvedValue({ items: [mdmCommand()] }),
    });
    await renderEnrollment('/computers/c-1', api, permissionApi);

    expect(await screen.findByText('acknowledged')).toBeInTheDocument();
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({
            name: 'enrollment.computer.command',
          }),
          resourceRef: 'c-1',
        }),
      ),
    );
    expect(
      await screen.findByText(
        'You need the enrollment.computer.command permission to send commands to this Mac.',
      ),
    ).toBeInTheDocument();
    for (const name of [
      'Update inventory',
      'Send blank push',
      'Restart',
      'Lock',
      'Remove from management',
    ]) {
      expect(screen.getByRole('button', { name })).toBeDisabled();
    }
  });
});
