import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { enrollmentApiRef } from '../../api';
import {
  enrollmentEvent,
  mockEnrollmentApi,
  page,
  responseError,
} from '../../__testUtils__/enrollment';
import { InvitationActivityCard } from './InvitationActivityCard';

function renderCard(api: ReturnType<typeof mockEnrollmentApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[enrollmentApiRef, api]]}>
      <InvitationActivityCard invitationId="inv-1" />
    </TestApiProvider>,
  );
}

// Listing and the empty state are covered with the invitation page.
describe('InvitationActivityCard', () => {
  it('shows why the activity could not be loaded', async () => {
    const api = mockEnrollmentApi({
      listEvents: jest
        .fn()
        .mockRejectedValue(
          await responseError(500, 'Internal Server Error', 'events lost'),
        ),
    });
    await renderCard(api);
    expect(screen.getByText('Activity')).toBeInTheDocument();
    expect(
      await screen.findByText('The enrollment service hit a problem'),
    ).toBeInTheDocument();
    expect(api.listEvents).toHaveBeenCalledWith({
      invitationId: 'inv-1',
      limit: 20,
    });
  });

  it('says when it shows only the latest events', async () => {
    const api = mockEnrollmentApi({
      listEvents: jest.fn().mockResolvedValue(
        page(
          Array.from({ length: 20 }, (_, i) =>
            enrollmentEvent({ id: `e-${i}`, message: `Event ${i}` }),
          ),
          57,
        ),
      ),
    });
    await renderCard(api);
    expect(await screen.findByText('Event 19')).toBeInTheDocument();
    expect(screen.getByText('The latest 20 of 57 events')).toBeInTheDocument();
  });
});
