import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  computer,
  mockEnrollmentApi,
  page,
  renderEnrollment,
  responseError,
  site,
} from '../../__testUtils__/enrollment';
import { formatDateTime } from '../../utils/format';

const computers = [
  computer({
    user: {
      realName: 'Jane Doe',
      username: 'jdoe',
      email: 'jane@example.com',
      department: 'IT',
      building: 'HQ',
      room: '3.14',
    },
    lastSeenAt: '2030-06-05T08:30:00.000Z',
  }),
  computer({
    id: 'c-2',
    name: 'Studio',
    serialNumber: 'C02ABC',
    model: undefined,
    osVersion: undefined,
    status: 'enrolling',
    enrolledAt: undefined,
    user: { username: 'bob' },
    site: null,
    invitationId: undefined,
  }),
];

function lastQuery(api: ReturnType<typeof mockEnrollmentApi>) {
  const calls = api.listComputers.mock.calls;
  return calls[calls.length - 1][0];
}

function row(text: string) {
  return screen.getByText(text).closest('tr')!;
}

describe('ComputersPage', () => {
  // "Studio" is enrolling, so the page loads again every REFRESH_MS on its
  // own: on a busy machine a test can outlast that and see more requests than
  // it caused. With fake timers that time passes only when a test (or
  // waitFor, 50 ms a poll) lets it, and the search debounce too.
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('lists every computer with its user, location and invitation', async () => {
    const api = mockEnrollmentApi({
      listComputers: jest.fn().mockResolvedValue(page(computers)),
    });
    await renderEnrollment('/computers', api);
    expect(
      screen.getByRole('heading', { name: 'Enrolled Computers' }),
    ).toBeInTheDocument();

    await screen.findByText("Jane's MacBook Pro");
    const jane = row("Jane's MacBook Pro");
    for (const text of [
      'C02XYZ123',
      'MacBook Pro (14-inch, 2023)',
      '15.1',
      'Enrolled',
      'Jane Doe',
      'jdoe',
      'jane@example.com',
      'IT, HQ, 3.14',
      'Paris',
      formatDateTime('2030-06-02T10:00:00.000Z'),
      formatDateTime('2030-06-05T08:30:00.000Z'),
    ]) {
      expect(within(jane).getByText(text)).toBeInTheDocument();
    }
    expect(
      within(jane).getByRole('link', { name: 'View invitation' }),
    ).toHaveAttribute('href', '/enrollment/invitations/inv-1');
    expect(
      within(jane).getByRole('link', { name: "Jane's MacBook Pro" }),
    ).toHaveAttribute('href', '/enrollment/computers/c-1');

    const studio = row('Studio');
    expect(within(studio).getByText('Enrolling')).toBeInTheDocument();
    expect(within(studio).getByText('bob')).toBeInTheDocument();
    // Model, OS, location, site, enrolled, last seen and invitation.
    expect(within(studio).getAllByText('—')).toHaveLength(7);
    // Its name is the only link: no invitation to view.
    expect(within(studio).getAllByRole('link')).toHaveLength(1);
    expect(
      within(studio).getByRole('link', { name: 'Studio' }),
    ).toHaveAttribute('href', '/enrollment/computers/c-2');

    expect(api.listComputers).toHaveBeenCalledTimes(1);
    expect(api.listComputers).toHaveBeenCalledWith({
      offset: 0,
      limit: 25,
      siteId: undefined,
      search: undefined,
    });
  });

  it('asks the backend for other pages', async () => {
    const user = userEvent.setup({
      delay: null,
      advanceTimers: jest.advanceTimersByTime,
    });
    const api = mockEnrollmentApi({
      listComputers: jest.fn().mockResolvedValue(page(computers, 60)),
    });
    await renderEnrollment('/computers', api);
    await screen.findByText('Studio');

    await user.click(screen.getByRole('button', { name: 'Next Page' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ offset: 25, limit: 25 }),
    );
  });

  it('searches and filters by site on the backend', async () => {
    const user = userEvent.setup({
      delay: null,
      advanceTimers: jest.advanceTimersByTime,
    });
    const api = mockEnrollmentApi({
      listComputers: jest.fn().mockResolvedValue(page(computers, 60)),
      listSites: jest.fn().mockResolvedValue({ items: [site()] }),
    });
    await renderEnrollment('/computers', api);
    await screen.findByText('Studio');
    await user.click(screen.getByRole('button', { name: 'Next Page' }));
    await waitFor(() => expect(lastQuery(api).offset).toBe(25));

    await user.type(screen.getByLabelText('Search computers'), ' C02 ');
    await waitFor(() => expect(lastQuery(api).search).toBe('C02'));
    // Typing is debounced: one request for the whole word, from the start.
    expect(
      api.listComputers.mock.calls.filter(([q]) => q.search !== undefined),
    ).toEqual([[{ offset: 0, limit: 25, siteId: undefined, search: 'C02' }]]);

    await user.click(screen.getByLabelText('Site'));
    await user.click(await screen.findByRole('option', { name: 'Paris' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        offset: 0,
        limit: 25,
        siteId: 's-1',
        search: 'C02',
      }),
    );
  });

  it('offers no site filter when the sites cannot be listed', async () => {
    const api = mockEnrollmentApi({
      listComputers: jest.fn().mockResolvedValue(page(computers)),
      listSites: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            403,
            'Forbidden',
            'needs enrollment.settings.read',
            'NotAllowedError',
          ),
        ),
    });
    await renderEnrollment('/computers', api);
    await screen.findByText('Studio');
    await waitFor(() => expect(api.listSites).toHaveBeenCalled());
    expect(screen.getByLabelText('Search computers')).toBeInTheDocument();
    expect(screen.queryByLabelText('Site')).toBeNull();
    expect(screen.queryByText(/needs enrollment.settings.read/)).toBeNull();
  });

  it('says when no computer matches the filters', async () => {
    const user = userEvent.setup({
      delay: null,
      advanceTimers: jest.advanceTimersByTime,
    });
    const api = mockEnrollmentApi({
      listComputers: jest
        .fn()
        .mockImplementation(async q =>
          q.search ? page([], 0) : page(computers),
        ),
    });
    await renderEnrollment('/computers', api);
    await screen.findByText('Studio');
    await user.type(screen.getByLabelText('Search computers'), 'nothing');
    expect(
      await screen.findByText('No computers match these filters.'),
    ).toBeInTheDocument();
    expect(screen.queryByText('No computers have enrolled yet')).toBeNull();
  });

  it('points to the invitations when no computer enrolled yet', async () => {
    const api = mockEnrollmentApi();
    await renderEnrollment('/computers', api);
    expect(
      await screen.findByText('No computers have enrolled yet'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Send an enrollment invitation/)).toBeVisible();
    expect(
      screen.getByRole('button', { name: 'Go to invitations' }),
    ).toHaveAttribute('href', '/enrollment');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the error when the computers cannot be loaded', async () => {
    const api = mockEnrollmentApi({
      listComputers: jest
        .fn()
        .mockRejectedValue(
          await responseError(500, 'Internal Server Error', 'database down'),
        ),
    });
    await renderEnrollment('/computers', api);
    expect(
      (await screen.findAllByText(/database down/)).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getByText('The enrollment service hit a problem'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
