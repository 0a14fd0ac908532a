import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { enrollmentApiRef } from '../../api';
import {
  mockEnrollmentApi,
  responseError,
} from '../../__testUtils__/enrollment';
import { EnrolledComputersCard } from './EnrolledComputersCard';

// Listing and the empty state are covered with the invitation page.
describe('EnrolledComputersCard', () => {
  it('shows why the computers could not be loaded', async () => {
    const api = mockEnrollmentApi({
      listInvitationComputers: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            403,
            'Forbidden',
            'needs enrollment.computer.read',
            'NotAllowedError',
          ),
        ),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[enrollmentApiRef, api]]}>
        <EnrolledComputersCard invitationId="inv-1" />
      </TestApiProvider>,
    );
    expect(screen.getByText('Enrolled computers')).toBeInTheDocument();
    expect(await screen.findByText('You may not see this')).toBeInTheDocument();
    expect(api.listInvitationComputers).toHaveBeenCalledWith('inv-1');
  });
});
