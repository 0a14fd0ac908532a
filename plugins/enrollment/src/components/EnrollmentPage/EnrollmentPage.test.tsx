import { screen } from '@testing-library/react';
import {
  invitation,
  mockEnrollmentApi,
  page,
  renderEnrollment,
} from '../../__testUtils__/enrollment';

describe('EnrollmentPage', () => {
  it('shows the invitation list and the CA at its root', async () => {
    const api = mockEnrollmentApi({
      listInvitations: jest.fn().mockResolvedValue(page([invitation()])),
    });
    await renderEnrollment('', api);
    expect(
      screen.getByRole('heading', { name: 'Enrollment Invitations' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('jane@example.com, bob@example.com'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('O=Acme, CN=Acme Enrollment CA'),
    ).toBeInTheDocument();
  });

  it('shows one invitation below invitations/:id', async () => {
    const api = mockEnrollmentApi();
    await renderEnrollment('/invitations/inv-1', api);
    expect(
      await screen.findByRole('heading', {
        name: 'Invitation to jane@example.com, bob@example.com',
      }),
    ).toBeInTheDocument();
    expect(api.getInvitation).toHaveBeenCalledWith('inv-1');
    expect(api.listInvitations).not.toHaveBeenCalled();
  });
});
