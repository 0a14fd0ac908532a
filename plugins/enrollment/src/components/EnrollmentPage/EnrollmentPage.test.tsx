import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  computer,
  enrollmentEvent,
  invitation,
  mockEnrollmentApi,
  page,
  portalAccount,
  portalSettings,
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
      await screen.findByRole('link', {
        name: /^jane@example\.com,\s*bob@example\.com$/,
      }),
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
        name: 'Invitation 7 to jane@example.com, bob@example.com',
      }),
    ).toBeInTheDocument();
    expect(api.getInvitation).toHaveBeenCalledWith('inv-1');
    expect(api.listInvitations).not.toHaveBeenCalled();
  });

  // Each tab is followed from a page of its own test, so that no test
  // renders more than two pages (the settings page alone is a big form).
  it('links the invitations, portal accounts and settings as tabs', async () => {
    const api = mockEnrollmentApi();
    await renderEnrollment('', api);

    const invitations = screen.getByRole('tab', { name: 'Invitations' });
    expect(invitations).toHaveAttribute('aria-selected', 'true');
    expect(invitations).toHaveAttribute('href', '/enrollment');
    const accounts = await screen.findByRole('tab', {
      name: 'Portal accounts',
    });
    expect(accounts).toHaveAttribute('href', '/enrollment/accounts');
    const settings = await screen.findByRole('tab', { name: 'Settings' });
    expect(settings).toHaveAttribute('href', '/enrollment/settings');
  });

  it('opens the settings from their tab', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi({
      getSettings: jest
        .fn()
        .mockResolvedValue(portalSettings({ organizationName: 'Acme' })),
    });
    await renderEnrollment('', api);

    await user.click(await screen.findByRole('tab', { name: 'Settings' }));
    expect(
      await screen.findByRole('heading', { name: 'Enrollment Settings' }),
    ).toBeInTheDocument();
    expect(await screen.findByLabelText('Organization name')).toHaveValue(
      'Acme',
    );
    expect(screen.getByRole('tab', { name: 'Settings' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('opens the portal accounts from their tab', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi({
      listPortalAccounts: jest
        .fn()
        .mockResolvedValue({ items: [portalAccount()] }),
    });
    await renderEnrollment('/computers', api);
    await screen.findByRole('heading', { name: 'Enrolled Computers' });

    await user.click(
      await screen.findByRole('tab', { name: 'Portal accounts' }),
    );
    expect(
      await screen.findByRole('heading', { name: 'Portal Accounts' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('helpdesk')).toBeInTheDocument();
  });

  it('goes back to the invitations from their tab', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi();
    await renderEnrollment('/accounts', api);
    await screen.findByRole('heading', { name: 'Portal Accounts' });

    await user.click(screen.getByRole('tab', { name: 'Invitations' }));
    expect(
      await screen.findByRole('heading', { name: 'Enrollment Invitations' }),
    ).toBeInTheDocument();
  });

  it('links the computers and the activity as tabs', async () => {
    const api = mockEnrollmentApi();
    await renderEnrollment('', api);

    const computers = screen.getByRole('tab', { name: 'Computers' });
    expect(computers).toHaveAttribute('href', '/enrollment/computers');
    const activity = await screen.findByRole('tab', { name: 'Activity' });
    expect(activity).toHaveAttribute('href', '/enrollment/activity');
  });

  it('opens the computers from their tab', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi({
      listComputers: jest.fn().mockResolvedValue(page([computer()])),
    });
    await renderEnrollment('', api);

    await user.click(screen.getByRole('tab', { name: 'Computers' }));
    expect(
      await screen.findByRole('heading', { name: 'Enrolled Computers' }),
    ).toBeInTheDocument();
    expect(await screen.findByText("Jane's MacBook Pro")).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Computers' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('opens the activity from its tab', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi({
      listEvents: jest
        .fn()
        .mockResolvedValue(
          page([enrollmentEvent({ message: 'Started enrolling a Mac' })]),
        ),
    });
    await renderEnrollment('/computers', api);
    await screen.findByRole('heading', { name: 'Enrolled Computers' });

    await user.click(await screen.findByRole('tab', { name: 'Activity' }));
    expect(
      await screen.findByRole('heading', { name: 'Enrollment Activity' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Started enrolling a Mac'),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Activity' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });
});
