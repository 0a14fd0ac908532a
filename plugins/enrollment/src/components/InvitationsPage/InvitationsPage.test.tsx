import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  invitation,
  mockEnrollmentApi,
  page,
  renderEnrollment,
  responseError,
} from '../../__testUtils__/enrollment';

const invitations = [
  invitation({
    id: 'inv-1',
    number: 12,
    status: 'partially-sent',
    recipients: ['a@x.org', 'b@x.org', 'c@x.org', 'd@x.org'],
    recipientCount: 40,
    requireLogin: true,
    multipleUses: false,
    timesUsed: 3,
    enrolledComputers: 2,
    site: { id: 's-1', name: 'Paris' },
    createdBy: 'user:default/alice',
  }),
  invitation({
    id: 'inv-2',
    number: 11,
    status: 'cancelled',
    recipients: [],
    recipientCount: 0,
    requireLogin: false,
    multipleUses: true,
    timesUsed: 0,
    site: null,
    createdBy: 'user:default/bob',
  }),
];

const sites = {
  items: [
    {
      id: 's-1',
      name: 'Paris',
      createdAt: '2030-01-01T00:00:00.000Z',
      updatedAt: '2030-01-01T00:00:00.000Z',
    },
  ],
};

function lastQuery(api: ReturnType<typeof mockEnrollmentApi>) {
  const calls = api.listInvitations.mock.calls;
  return calls[calls.length - 1][0];
}

describe('InvitationsPage', () => {
  it('lists the invitations the backend returns, first page newest first', async () => {
    const api = mockEnrollmentApi({
      listInvitations: jest.fn().mockResolvedValue(page(invitations, 2)),
    });
    await renderEnrollment('', api);

    const first = (
      await screen.findByRole('link', {
        name: /^a@x\.org,\s*b@x\.org,\s*c@x\.org\s*\+37 more$/,
      })
    ).closest('tr')!;
    expect(within(first).getByText('Partially sent')).toBeInTheDocument();
    expect(within(first).getByText('Paris')).toBeInTheDocument();
    expect(within(first).getByText('alice')).toBeInTheDocument();
    expect(within(first).getByText('Login required')).toBeInTheDocument();
    expect(within(first).getByText('One Mac per link')).toBeInTheDocument();
    const cells = [...first.querySelectorAll('td')].map(c => c.textContent);
    expect(cells[0]).toBe('12');
    // Times used, then the computers enrolled now beside it.
    expect(cells.slice(5, 7)).toEqual(['3', '2']);
    // An address never breaks inside: each is one unbreakable span.
    const address = within(first).getByText('a@x.org,');
    expect(address).toHaveStyle({ whiteSpace: 'nowrap' });
    expect(
      screen.getByRole('columnheader', { name: 'Enrolled computers' }),
    ).toBeInTheDocument();

    const second = screen.getByText('Link only').closest('tr')!;
    expect(within(second).getByText('Cancelled')).toBeInTheDocument();
    expect(within(second).getByText('—')).toBeInTheDocument();
    expect(within(second).getByText('bob')).toBeInTheDocument();

    expect(api.listInvitations).toHaveBeenCalledTimes(1);
    expect(api.listInvitations).toHaveBeenCalledWith({
      offset: 0,
      limit: 25,
      orderBy: 'createdAt',
      order: 'desc',
      status: undefined,
      siteId: undefined,
      search: undefined,
    });
  });

  it('asks the backend for other pages and page sizes', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi({
      listInvitations: jest.fn().mockResolvedValue(page(invitations, 60)),
    });
    await renderEnrollment('', api);
    await screen.findByText('Link only');

    await user.click(screen.getByRole('button', { name: 'Next Page' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ offset: 25, limit: 25 }),
    );

    await user.click(screen.getByRole('button', { name: /25 rows/ }));
    await user.click(await screen.findByRole('option', { name: '100' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ offset: 0, limit: 100 }),
    );
  });

  it('lets the backend sort by the column clicked', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi({
      listInvitations: jest.fn().mockResolvedValue(page(invitations, 2)),
    });
    await renderEnrollment('', api);
    await screen.findByText('Link only');

    await user.click(screen.getByRole('button', { name: 'Expires' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        orderBy: 'expiresAt',
        order: 'asc',
        offset: 0,
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Expires' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        orderBy: 'expiresAt',
        order: 'desc',
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Times used' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        orderBy: 'timesUsed',
        order: 'asc',
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Status' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ orderBy: 'status' }),
    );
  });

  it('filters by recipient text, status and site on the backend', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi({
      listInvitations: jest.fn().mockResolvedValue(page(invitations, 2)),
      listSites: jest.fn().mockResolvedValue(sites),
    });
    await renderEnrollment('', api);
    await screen.findByText('Link only');

    await user.type(screen.getByLabelText('Search recipients'), ' jane ');
    await waitFor(() => expect(lastQuery(api).search).toBe('jane'));
    // Typing is debounced: one request for the whole word.
    expect(
      api.listInvitations.mock.calls.filter(([q]) => q.search !== undefined),
    ).toHaveLength(1);

    await user.click(screen.getByLabelText('Status'));
    await user.click(await screen.findByRole('option', { name: 'Failed' }));
    await user.click(screen.getByRole('option', { name: 'Partially sent' }));
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(lastQuery(api).status).toEqual(['failed', 'partially-sent']),
    );

    await user.click(screen.getByLabelText('Site'));
    await user.click(await screen.findByRole('option', { name: 'Paris' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        offset: 0,
        limit: 25,
        orderBy: 'createdAt',
        order: 'desc',
        status: ['failed', 'partially-sent'],
        siteId: 's-1',
        search: 'jane',
      }),
    );
  });

  it('says when no invitation matches the filters', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi({
      listInvitations: jest
        .fn()
        .mockImplementation(async q =>
          q.search ? page([], 0) : page(invitations, 2),
        ),
    });
    await renderEnrollment('', api);
    await screen.findByText('Link only');
    await user.type(screen.getByLabelText('Search recipients'), 'nobody');
    expect(
      await screen.findByText('No invitations match these filters.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('No enrollment invitations yet'),
    ).not.toBeInTheDocument();
  });

  it('shows an empty state when there are no invitations at all', async () => {
    const api = mockEnrollmentApi();
    await renderEnrollment('', api);
    expect(
      await screen.findByText('No enrollment invitations yet'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Times used')).not.toBeInTheDocument();
  });

  it('shows the error when the list cannot be loaded', async () => {
    const api = mockEnrollmentApi({
      listInvitations: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            403,
            'Forbidden',
            'needs enrollment.invitation.read',
            'NotAllowedError',
          ),
        ),
    });
    await renderEnrollment('', api);
    expect(
      (await screen.findAllByText(/needs enrollment.invitation.read/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText('Times used')).not.toBeInTheDocument();
  });

  it('opens an invitation when its row is clicked', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi({
      listInvitations: jest.fn().mockResolvedValue(page(invitations, 2)),
    });
    await renderEnrollment('', api);
    await user.click(await screen.findByText('Cancelled'));
    await waitFor(() =>
      expect(api.getInvitation).toHaveBeenCalledWith('inv-2'),
    );
  });

  it('offers a new invitation and lists again once one was created', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi({
      listInvitations: jest.fn().mockResolvedValue(page(invitations, 2)),
      createInvitation: jest.fn().mockResolvedValue({
        ...invitation({ id: 'inv-3', recipients: [], recipientCount: 0 }),
        url: 'https://mdm.example.com/enroll?invitation=SECRET',
      }),
    });
    await renderEnrollment('', api);
    await screen.findByText('Link only');
    expect(api.listInvitations).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'New invitation' }));
    const dialog = await screen.findByRole('dialog');
    for (let step = 0; step < 3; step++) {
      await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    }
    await user.click(within(dialog).getByRole('button', { name: 'Send' }));
    await within(dialog).findByDisplayValue(
      'https://mdm.example.com/enroll?invitation=SECRET',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    await waitFor(() => expect(api.listInvitations).toHaveBeenCalledTimes(2));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });
});
