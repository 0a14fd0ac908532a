import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  enrollmentEvent,
  mockEnrollmentApi,
  page,
  renderEnrollment,
  responseError,
} from '../../__testUtils__/enrollment';
import { formatDateTime } from '../../utils/format';

const events = [
  enrollmentEvent({
    id: 'e-1',
    type: 'portal.login-failed',
    actor: 'jdoe',
    invitationId: 'inv-7',
    message: 'Login failed: wrong password',
    createdAt: '2030-06-02T09:55:00.000Z',
  }),
  enrollmentEvent({
    id: 'e-2',
    type: 'admin.site-create',
    actor: 'user:default/alice',
    invitationId: undefined,
    message: 'Created a site',
  }),
  enrollmentEvent({
    id: 'e-3',
    type: 'mdm.enrolled',
    actor: 'UDID-1',
    invitationId: undefined,
    message: 'A Mac enrolled',
  }),
  enrollmentEvent({
    id: 'e-4',
    type: 'vpp.assigned',
    actor: undefined,
    invitationId: undefined,
    message: 'Something newer',
  }),
];

function lastQuery(api: ReturnType<typeof mockEnrollmentApi>) {
  const calls = api.listEvents.mock.calls;
  return calls[calls.length - 1][0];
}

function row(text: string) {
  return screen.getByText(text).closest('tr')!;
}

describe('ActivityPage', () => {
  it('lists the events with their time, category, actor and invitation', async () => {
    const api = mockEnrollmentApi({
      listEvents: jest.fn().mockResolvedValue(page(events)),
    });
    await renderEnrollment('/activity', api);
    expect(
      screen.getByRole('heading', { name: 'Enrollment Activity' }),
    ).toBeInTheDocument();

    await screen.findByText('Login failed: wrong password');
    const login = row('Login failed: wrong password');
    expect(
      within(login).getByText(formatDateTime('2030-06-02T09:55:00.000Z')),
    ).toBeInTheDocument();
    expect(within(login).getByText('Portal')).toBeInTheDocument();
    expect(within(login).getByText('jdoe')).toBeInTheDocument();
    expect(
      within(login).getByRole('link', { name: 'View invitation' }),
    ).toHaveAttribute('href', '/enrollment/invitations/inv-7');

    const admin = row('Created a site');
    expect(within(admin).getByText('Admin change')).toBeInTheDocument();
    expect(within(admin).getByText('alice')).toBeInTheDocument();
    expect(within(admin).queryByRole('link')).toBeNull();

    const mdm = row('A Mac enrolled');
    expect(within(mdm).getByText('Check-in')).toBeInTheDocument();
    expect(within(mdm).getByText('UDID-1')).toBeInTheDocument();

    // A category this page does not know yet shows as it came.
    const newer = row('Something newer');
    expect(within(newer).getByText('vpp')).toBeInTheDocument();
    expect(within(newer).getAllByText('—')).toHaveLength(2);

    expect(api.listEvents).toHaveBeenCalledTimes(1);
    expect(api.listEvents).toHaveBeenCalledWith({
      offset: 0,
      limit: 25,
      category: undefined,
      search: undefined,
    });
  });

  it('asks the backend for other pages, and the first again after a filter', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi({
      listEvents: jest.fn().mockResolvedValue(page(events, 80)),
    });
    await renderEnrollment('/activity', api);
    await screen.findByText('A Mac enrolled');

    await user.click(screen.getByRole('button', { name: 'Next Page' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ offset: 25, limit: 25 }),
    );

    await user.click(screen.getByLabelText('Category'));
    await user.click(await screen.findByRole('option', { name: 'SCEP' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ category: 'scep', offset: 0 }),
    );
  });

  it('filters by category and text on the backend', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi({
      listEvents: jest.fn().mockResolvedValue(page(events)),
    });
    await renderEnrollment('/activity', api);
    await screen.findByText('A Mac enrolled');

    await user.click(screen.getByLabelText('Category'));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      'All',
      'Invitations',
      'Portal',
      'SCEP',
      'Check-in',
      'Admin changes',
    ]);
    await user.click(screen.getByRole('option', { name: 'Check-in' }));
    await waitFor(() => expect(lastQuery(api).category).toBe('mdm'));

    await user.type(screen.getByLabelText('Search activity'), ' jdoe ');
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        offset: 0,
        limit: 25,
        category: 'mdm',
        search: 'jdoe',
      }),
    );
    // Typing is debounced: one request for the whole word.
    expect(
      api.listEvents.mock.calls.filter(([q]) => q.search !== undefined),
    ).toHaveLength(1);

    await user.click(screen.getByLabelText('Category'));
    await user.click(await screen.findByRole('option', { name: 'All' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        category: undefined,
        search: 'jdoe',
      }),
    );
  });

  it('says when no event matches the filters', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi({
      listEvents: jest
        .fn()
        .mockImplementation(async q =>
          q.category ? page([], 0) : page(events),
        ),
    });
    await renderEnrollment('/activity', api);
    await screen.findByText('A Mac enrolled');
    await user.click(screen.getByLabelText('Category'));
    await user.click(
      await screen.findByRole('option', { name: 'Invitations' }),
    );
    expect(
      await screen.findByText('No activity matches these filters.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('No activity yet')).toBeNull();
  });

  it('shows an empty state when nothing happened yet', async () => {
    const api = mockEnrollmentApi();
    await renderEnrollment('/activity', api);
    expect(await screen.findByText('No activity yet')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the error when the activity cannot be loaded', async () => {
    const api = mockEnrollmentApi({
      listEvents: jest
        .fn()
        .mockRejectedValue(
          await responseError(500, 'Internal Server Error', 'events lost'),
        ),
    });
    await renderEnrollment('/activity', api);
    expect((await screen.findAllByText(/events lost/)).length).toBeGreaterThan(
      0,
    );
    expect(
      screen.getByText('The enrollment service hit a problem'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
