import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  computer,
  enrollmentEvent,
  invitationDetails,
  mockEnrollmentApi,
  page,
  renderEnrollment,
  responseError,
} from '../../__testUtils__/enrollment';
import { formatDateTime, formatExpiry } from '../../utils/format';

const withDeliveries = invitationDetails({
  id: 'inv-1',
  status: 'partially-sent',
  recipients: ['jane@example.com', 'bob@example.com', 'eve@example.com'],
  recipientCount: 3,
  delivery: { pending: 1, sent: 1, failed: 1 },
  recipientDetails: [
    {
      email: 'jane@example.com',
      state: 'sent',
      attempts: 1,
      ownLink: true,
      sentAt: '2030-06-01T09:01:00.000Z',
    },
    {
      email: 'bob@example.com',
      state: 'failed',
      attempts: 5,
      ownLink: true,
      lastError: '550 mailbox unavailable',
    },
    {
      email: 'eve@example.com',
      state: 'pending',
      attempts: 2,
      ownLink: true,
      lastError: '421 try again later',
      nextAttemptAt: '2030-06-01T09:30:00.000Z',
    },
  ],
});

function row(email: string) {
  return screen.getByText(email).closest('tr')!;
}

describe('InvitationPage', () => {
  it('shows the link again, and each recipient’s own, to those who may create invitations', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi({
      getInvitation: jest.fn().mockResolvedValue(
        invitationDetails({
          number: 42,
          timesUsed: 1,
          enrolledComputers: 1,
          recipientDetails: [
            {
              email: 'jane@example.com',
              state: 'sent',
              attempts: 1,
              ownLink: true,
              sentAt: '2030-06-01T09:01:00.000Z',
              usedAt: '2030-06-02T10:00:00.000Z',
            },
          ],
        }),
      ),
      getInvitationLink: jest.fn(async (_id: string, recipient?: string) => ({
        url: `http://localhost:7007/enroll?invitation=${
          recipient ? 'JANES' : 'SHARED'
        }`,
        recipient,
      })),
    });
    await renderEnrollment('/invitations/inv-1', api);

    expect(
      await screen.findByRole('heading', {
        name: 'Invitation 42 to jane@example.com, bob@example.com',
      }),
    ).toBeInTheDocument();
    const value = (title: string) =>
      screen.getByRole('cell', { name: title }).closest('tr')!.textContent;
    expect(value('ID')).toContain('42');
    expect(value('Times used')).toContain('1 (Macs that checked in with it)');
    expect(value('Enrolled computers')).toContain('1');
    expect(row('jane@example.com').textContent).toContain(
      formatDateTime('2030-06-02T10:00:00.000Z'),
    );

    await user.click(screen.getByRole('button', { name: 'Show link' }));
    const shared = await screen.findByRole('dialog');
    expect(await within(shared).findByLabelText('Enrollment link')).toHaveValue(
      'http://localhost:7007/enroll?invitation=SHARED',
    );
    expect(api.getInvitationLink).toHaveBeenLastCalledWith('inv-1', undefined);
    await user.click(within(shared).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(
      screen.getByRole('button', { name: 'The link of jane@example.com' }),
    );
    const own = await screen.findByRole('dialog');
    expect(await within(own).findByLabelText('Enrollment link')).toHaveValue(
      'http://localhost:7007/enroll?invitation=JANES',
    );
    expect(api.getInvitationLink).toHaveBeenLastCalledWith(
      'inv-1',
      'jane@example.com',
    );
  });

  it('shows the details of the invitation', async () => {
    const api = mockEnrollmentApi({
      getInvitation: jest.fn().mockResolvedValue(
        invitationDetails({
          status: 'cancelled',
          requireLogin: false,
          multipleUses: true,
          timesUsed: 4,
          site: { id: 's-1', name: 'Paris' },
          keepExistingSite: true,
          subject: 'Your new Mac',
          message: 'Hello team',
          createdBy: 'user:default/alice',
          cancelledAt: '2030-06-03T08:00:00.000Z',
        }),
      ),
    });
    await renderEnrollment('/invitations/inv-1', api);

    await screen.findByText('Details');
    const value = (title: string) =>
      screen.getByRole('cell', { name: title }).closest('tr')!.textContent;
    expect(value('Status')).toContain('Cancelled');
    expect(value('Expires')).toContain(
      formatExpiry('2030-06-15T23:59:59.000Z'),
    );
    expect(value('Require login')).toContain('No');
    expect(value('Multiple uses')).toContain('Yes');
    expect(value('Times used')).toContain('4');
    expect(value('Site')).toContain('Paris');
    expect(value('Keep existing site')).toContain('Yes');
    expect(value('Subject')).toContain('Your new Mac');
    expect(value('Message')).toContain('Hello team');
    expect(value('Created by')).toContain('alice');
    expect(value('Created at')).toContain(
      formatDateTime('2030-06-01T09:00:00.000Z'),
    );
    expect(value('Cancelled at')).toContain(
      formatDateTime('2030-06-03T08:00:00.000Z'),
    );
    expect(api.getInvitation).toHaveBeenCalledWith('inv-1');
  });

  it("lists each recipient's delivery", async () => {
    const api = mockEnrollmentApi({
      getInvitation: jest.fn().mockResolvedValue(withDeliveries),
    });
    await renderEnrollment('/invitations/inv-1', api);

    await screen.findByText('bob@example.com');
    expect(
      within(row('jane@example.com')).getByText('Sent'),
    ).toBeInTheDocument();
    expect(
      within(row('jane@example.com')).getByText(
        formatDateTime('2030-06-01T09:01:00.000Z'),
      ),
    ).toBeInTheDocument();
    const bob = row('bob@example.com');
    expect(within(bob).getByText('Failed')).toBeInTheDocument();
    expect(within(bob).getByText('5')).toBeInTheDocument();
    expect(
      within(bob).getByText('550 mailbox unavailable'),
    ).toBeInTheDocument();
    const eve = row('eve@example.com');
    expect(within(eve).getByText('Pending')).toBeInTheDocument();
    expect(
      within(eve).getByText(formatDateTime('2030-06-01T09:30:00.000Z')),
    ).toBeInTheDocument();
  });

  it('resends to the selected recipients', async () => {
    const user = userEvent.setup({ delay: null });
    const resent = invitationDetails({
      ...withDeliveries,
      recipientDetails: withDeliveries.recipientDetails.map(r => ({
        ...r,
        state: r.email === 'jane@example.com' ? 'sent' : 'pending',
      })),
    });
    const api = mockEnrollmentApi({
      getInvitation: jest.fn().mockResolvedValue(withDeliveries),
      resendInvitation: jest.fn().mockResolvedValue(resent),
    });
    await renderEnrollment('/invitations/inv-1', api);
    await screen.findByText('bob@example.com');

    const resendSelected = screen.getByRole('button', {
      name: /Resend to selected/,
    });
    expect(resendSelected).toBeDisabled();
    await user.click(
      screen.getByRole('checkbox', { name: 'Select jane@example.com' }),
    );
    await user.click(
      screen.getByRole('checkbox', { name: 'Select eve@example.com' }),
    );
    await user.click(
      screen.getByRole('button', { name: 'Resend to selected (2)' }),
    );

    expect(api.resendInvitation).toHaveBeenCalledWith('inv-1', [
      'jane@example.com',
      'eve@example.com',
    ]);
    expect(
      await screen.findByText(
        'The invitation will be sent again to 2 recipients.',
      ),
    ).toBeInTheDocument();
    // The answer replaces what was shown: bob is pending again.
    expect(
      within(row('bob@example.com')).getByText('Pending'),
    ).toBeInTheDocument();
  });

  it('resends to the failed recipients, and only when some failed', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi({
      getInvitation: jest.fn().mockResolvedValue(withDeliveries),
      resendInvitation: jest.fn().mockResolvedValue(withDeliveries),
    });
    await renderEnrollment('/invitations/inv-1', api);
    await user.click(
      await screen.findByRole('button', { name: 'Resend to failed (1)' }),
    );
    expect(api.resendInvitation).toHaveBeenCalledWith('inv-1', undefined);
  });

  it('disables "Resend to failed" when none failed', async () => {
    const api = mockEnrollmentApi({
      getInvitation: jest.fn().mockResolvedValue(invitationDetails()),
    });
    await renderEnrollment('/invitations/inv-1', api);
    expect(
      await screen.findByRole('button', { name: 'Resend to failed' }),
    ).toBeDisabled();
  });

  it('shows why a resend failed', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi({
      getInvitation: jest.fn().mockResolvedValue(withDeliveries),
      resendInvitation: jest
        .fn()
        .mockRejectedValue(
          await responseError(409, 'Conflict', 'The invitation is expired'),
        ),
    });
    await renderEnrollment('/invitations/inv-1', api);
    await user.click(
      await screen.findByRole('button', { name: 'Resend to failed (1)' }),
    );
    expect(
      await screen.findByText('The invitation is expired'),
    ).toBeInTheDocument();
  });

  it('cancels the invitation after confirmation', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi({
      getInvitation: jest.fn().mockResolvedValue(withDeliveries),
      cancelInvitation: jest.fn().mockResolvedValue({
        ...withDeliveries,
        status: 'cancelled',
        cancelledAt: '2030-06-03T08:00:00.000Z',
      }),
    });
    await renderEnrollment('/invitations/inv-1', api);

    await user.click(
      await screen.findByRole('button', { name: 'Cancel invitation' }),
    );
    let confirm = await screen.findByRole('dialog');
    expect(
      within(confirm).getByText('Cancel this invitation?'),
    ).toBeInTheDocument();
    await user.click(
      within(confirm).getByRole('button', { name: 'Keep invitation' }),
    );
    expect(api.cancelInvitation).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Cancel invitation' }));
    confirm = await screen.findByRole('dialog');
    await user.click(
      within(confirm).getByRole('button', { name: 'Cancel invitation' }),
    );
    expect(api.cancelInvitation).toHaveBeenCalledWith('inv-1');

    expect(await screen.findByText('Cancelled')).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: 'Cancel invitation' }),
      ).toBeNull(),
    );
    // A cancelled invitation cannot be resent either.
    expect(
      screen.queryByRole('button', { name: /Resend to/ }),
    ).not.toBeInTheDocument();
  });

  it('deletes the invitation after confirmation and goes back to the list', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi({
      getInvitation: jest
        .fn()
        .mockResolvedValue(invitationDetails({ status: 'used' })),
      deleteInvitation: jest
        .fn()
        .mockRejectedValueOnce(new Error('The database is read-only'))
        .mockResolvedValueOnce(undefined),
    });
    await renderEnrollment('/invitations/inv-1', api);

    // Any status may be deleted, a used one too.
    await user.click(
      await screen.findByRole('button', { name: 'Delete invitation' }),
    );
    const confirm = await screen.findByRole('dialog');
    expect(
      within(confirm).getByText('Delete this invitation?'),
    ).toBeInTheDocument();
    await user.click(
      within(confirm).getByRole('button', { name: 'Delete invitation' }),
    );
    // A failure keeps the dialog open and says why.
    expect(
      await within(confirm).findByText(/The database is read-only/),
    ).toBeInTheDocument();
    await user.click(
      within(confirm).getByRole('button', { name: 'Delete invitation' }),
    );
    expect(api.deleteInvitation).toHaveBeenCalledWith('inv-1');
    expect(
      await screen.findByRole('heading', { name: 'Enrollment Invitations' }),
    ).toBeInTheDocument();
  });

  it.each(['cancelled', 'expired', 'used'] as const)(
    'offers no cancel when the invitation is %s',
    async status => {
      const api = mockEnrollmentApi({
        getInvitation: jest
          .fn()
          .mockResolvedValue(invitationDetails({ status })),
      });
      await renderEnrollment('/invitations/inv-1', api);
      await screen.findByText('Details');
      expect(
        screen.queryByRole('button', { name: 'Cancel invitation' }),
      ).not.toBeInTheDocument();
    },
  );

  it('lists the computers enrolled with the invitation', async () => {
    const api = mockEnrollmentApi({
      listInvitationComputers: jest.fn().mockResolvedValue({
        items: [
          computer(),
          computer({
            id: 'c-2',
            name: 'Studio',
            serialNumber: 'C02ABC',
            user: { username: 'bob' },
            site: null,
          }),
        ],
      }),
    });
    await renderEnrollment('/invitations/inv-1', api);

    expect(
      await screen.findByText('Enrolled computers', { selector: 'span' }),
    ).toBeInTheDocument();
    const jane = (await screen.findByText("Jane's MacBook Pro")).closest('tr')!;
    expect(within(jane).getByText('C02XYZ123')).toBeInTheDocument();
    expect(
      within(jane).getByText('MacBook Pro (14-inch, 2023)'),
    ).toBeInTheDocument();
    expect(within(jane).getByText('15.1')).toBeInTheDocument();
    expect(within(jane).getByText('Jane Doe')).toBeInTheDocument();
    expect(within(jane).getByText('jane@example.com')).toBeInTheDocument();
    expect(within(jane).getByText('Paris')).toBeInTheDocument();
    expect(
      within(jane).getByText(formatDateTime('2030-06-02T10:00:00.000Z')),
    ).toBeInTheDocument();
    expect(
      within(jane).getByRole('link', { name: "Jane's MacBook Pro" }),
    ).toHaveAttribute('href', '/enrollment/computers/c-1');
    const studio = screen.getByText('Studio').closest('tr')!;
    expect(within(studio).getByText('bob')).toBeInTheDocument();
    expect(api.listInvitationComputers).toHaveBeenCalledWith('inv-1');
  });

  it('says when no computer enrolled yet', async () => {
    const api = mockEnrollmentApi();
    await renderEnrollment('/invitations/inv-1', api);
    expect(
      await screen.findByText('No computer enrolled with this invitation yet'),
    ).toBeInTheDocument();
  });

  it('lists the latest activity of the invitation', async () => {
    const api = mockEnrollmentApi({
      listEvents: jest.fn().mockResolvedValue(
        page([
          enrollmentEvent({
            id: 'e-2',
            type: 'mdm.enrolled',
            actor: 'UDID-1',
            message: 'A Mac enrolled',
            createdAt: '2030-06-02T10:00:00.000Z',
          }),
          enrollmentEvent({
            id: 'e-1',
            type: 'invitation.created',
            actor: 'user:default/alice',
            message: 'Created the invitation',
            createdAt: '2030-06-01T09:00:00.000Z',
          }),
        ]),
      ),
    });
    await renderEnrollment('/invitations/inv-1', api);

    expect(await screen.findByText('Activity')).toBeInTheDocument();
    const enrolled = (await screen.findByText('A Mac enrolled')).closest('tr')!;
    expect(within(enrolled).getByText('Check-in')).toBeInTheDocument();
    expect(within(enrolled).getByText('UDID-1')).toBeInTheDocument();
    expect(
      within(enrolled).getByText(formatDateTime('2030-06-02T10:00:00.000Z')),
    ).toBeInTheDocument();
    const created = row('Created the invitation');
    expect(within(created).getByText('Invitation')).toBeInTheDocument();
    expect(within(created).getByText('alice')).toBeInTheDocument();
    // Every event is of this invitation: no link back to the same page.
    expect(
      screen.queryByRole('link', { name: 'View invitation' }),
    ).not.toBeInTheDocument();
    expect(api.listEvents).toHaveBeenCalledWith({
      invitationId: 'inv-1',
      limit: 20,
    });
  });

  it('says when nothing happened with the invitation yet', async () => {
    const api = mockEnrollmentApi();
    await renderEnrollment('/invitations/inv-1', api);
    expect(
      await screen.findByText('Nothing happened with this invitation yet.'),
    ).toBeInTheDocument();
  });

  it('shows an error panel for an unknown invitation', async () => {
    const api = mockEnrollmentApi({
      getInvitation: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            404,
            'Not Found',
            'No invitation with id nope',
            'NotFoundError',
          ),
        ),
    });
    await renderEnrollment('/invitations/nope', api);
    expect(
      (await screen.findAllByText(/No invitation with id nope/)).length,
    ).toBeGreaterThan(0);
    expect(screen.getByText('Not found')).toBeInTheDocument();
    expect(screen.queryByText('Details')).not.toBeInTheDocument();
    expect(api.getInvitation).toHaveBeenCalledWith('nope');
  });
});
