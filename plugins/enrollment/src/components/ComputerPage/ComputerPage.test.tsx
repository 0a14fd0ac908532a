import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  computerDetails,
  mdmCommand,
  mockEnrollmentApi,
  renderEnrollment,
  responseError,
} from '../../__testUtils__/enrollment';
import { formatDateTime } from '../../utils/format';
import { POLL_INTERVAL_MS } from './useCommandHistory';

const history = [
  mdmCommand({
    commandUuid: 'cmd-2',
    requestType: 'RestartDevice',
    status: 'error',
    queuedAt: '2030-06-05T09:00:00.000Z',
    sentAt: '2030-06-05T09:02:00.000Z',
    answeredAt: '2030-06-05T09:03:00.000Z',
    error: 'The device is busy (12021)',
  }),
  mdmCommand(),
];

const queued = (requestType: string) =>
  mdmCommand({
    commandUuid: `new-${requestType}`,
    requestType,
    status: 'queued',
    queuedAt: '2030-06-05T10:00:00.000Z',
    sentAt: undefined,
    answeredAt: undefined,
  });

function value(title: string) {
  return screen.getByRole('cell', { name: title }).closest('tr')!.textContent;
}

function historyRow(text: string) {
  return within(screen.getByTestId('computer-command-history'))
    .getByText(text)
    .closest('tr')!;
}

async function renderComputer(
  overrides: Parameters<typeof mockEnrollmentApi>[0] = {},
) {
  const api = mockEnrollmentApi({
    listComputerCommands: jest.fn().mockResolvedValue({ items: history }),
    queueComputerCommand: jest
      .fn()
      .mockImplementation(async (_id, request) => queued(request.requestType)),
    ...overrides,
  });
  await renderEnrollment('/computers/c-1', api);
  await screen.findByText('Inventory');
  await screen.findByTestId('computer-command-history');
  return api;
}

describe('ComputerPage', () => {
  it('shows the inventory of the computer', async () => {
    const api = await renderComputer({
      getComputer: jest.fn().mockResolvedValue(
        computerDetails({
          user: {
            realName: 'Jane Doe',
            username: 'jdoe',
            email: 'jane@example.com',
            department: 'IT',
            building: 'HQ',
          },
          push: {
            status: 'failing',
            lastPushedAt: '2030-06-05T08:29:00.000Z',
            lastError: 'BadDeviceToken',
          },
        }),
      ),
    });

    expect(
      screen.getByRole('heading', { name: "Jane's MacBook Pro" }),
    ).toBeInTheDocument();
    expect(value('Serial number')).toContain('C02XYZ123');
    expect(value('Model')).toContain('MacBook Pro (14-inch, 2023) (Mac14,9)');
    expect(value('macOS')).toContain('15.1 (24B83)');
    expect(value('User')).toContain('Jane Doe');
    expect(value('User')).toContain('jdoe');
    expect(value('User')).toContain('jane@example.com');
    expect(value('Location')).toContain('IT, HQ');
    expect(value('Site')).toContain('Paris');
    expect(value('Last check-in')).toContain(
      formatDateTime('2030-06-05T08:30:00.000Z'),
    );
    expect(value('Enrolled at')).toContain(
      formatDateTime('2030-06-02T10:00:00.000Z'),
    );
    expect(value('Enrollment status')).toContain('Enrolled');
    expect(value('Push')).toContain('Pushes failing');
    expect(value('Push')).toContain(formatDateTime('2030-06-05T08:29:00.000Z'));
    expect(value('Push')).toContain('Last error: BadDeviceToken');
    expect(value('Identity certificate')).toContain(
      `Serial 1A2B, expires ${formatDateTime('2031-06-02T10:00:00.000Z')}`,
    );
    expect(
      screen.getByRole('link', { name: 'View invitation' }),
    ).toHaveAttribute('href', '/enrollment/invitations/inv-1');
    expect(api.getComputer).toHaveBeenCalledWith('c-1');
  });

  it('names the model once when the Mac reports only its identifier', async () => {
    await renderComputer({
      getComputer: jest
        .fn()
        .mockResolvedValue(
          computerDetails({ model: 'Mac14,2', productName: 'Mac14,2' }),
        ),
    });
    expect(value('Model')).toBe('ModelMac14,2');
  });

  it('lists the command history with each status and error', async () => {
    const api = await renderComputer();
    const restart = historyRow('RestartDevice');
    expect(within(restart).getByText('error')).toBeInTheDocument();
    expect(
      within(restart).getByText('The device is busy (12021)'),
    ).toBeInTheDocument();
    for (const time of [
      '2030-06-05T09:00:00.000Z',
      '2030-06-05T09:02:00.000Z',
      '2030-06-05T09:03:00.000Z',
    ]) {
      expect(
        within(restart).getByText(formatDateTime(time)),
      ).toBeInTheDocument();
    }
    const inventory = historyRow('DeviceInformation');
    expect(within(inventory).getByText('acknowledged')).toBeInTheDocument();
    expect(api.listComputerCommands).toHaveBeenCalledWith('c-1');
    // Nothing waits for the Mac: no refreshing.
    expect(screen.queryByText(/Refreshing every few seconds/)).toBeNull();
  });

  it('updates the inventory and shows the queued command in the history at once', async () => {
    // A queued command makes the history load again every POLL_INTERVAL_MS:
    // with fake timers a busy machine cannot let one slip in before the
    // count below.
    jest.useFakeTimers();
    try {
      const user = userEvent.setup({
        delay: null,
        advanceTimers: jest.advanceTimersByTime,
      });
      const api = await renderComputer();
      api.listComputerCommands.mockResolvedValue({
        items: [queued('DeviceInformation'), ...history],
      });

      await user.click(
        screen.getByRole('button', { name: 'Update inventory' }),
      );

      expect(api.queueComputerCommand).toHaveBeenCalledWith('c-1', {
        requestType: 'DeviceInformation',
      });
      expect(await screen.findByRole('status')).toHaveTextContent(
        'Update inventory: DeviceInformation is queued.',
      );
      expect(await screen.findByText('queued')).toBeInTheDocument();
      expect(api.listComputerCommands).toHaveBeenCalledTimes(2);
      expect(
        screen.getByText('Refreshing every few seconds until the Mac answers.'),
      ).toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });

  it('sends a blank push', async () => {
    const user = userEvent.setup({ delay: null });
    const api = await renderComputer();
    await user.click(screen.getByRole('button', { name: 'Send blank push' }));
    expect(api.pushComputer).toHaveBeenCalledWith('c-1');
    expect(api.queueComputerCommand).not.toHaveBeenCalled();
    expect(await screen.findByRole('status')).toHaveTextContent(
      'A blank push was sent',
    );
  });

  it('restarts only once the admin confirms', async () => {
    const user = userEvent.setup({ delay: null });
    const api = await renderComputer();

    await user.click(screen.getByRole('button', { name: 'Restart' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Restart this Mac?')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.queueComputerCommand).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Restart' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Restart',
      }),
    );
    expect(api.queueComputerCommand).toHaveBeenCalledWith('c-1', {
      requestType: 'RestartDevice',
    });
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Restart: RestartDevice is queued.',
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('locks with a six-digit PIN and the message, refusing a shorter PIN', async () => {
    const user = userEvent.setup({ delay: null });
    const api = await renderComputer();

    await user.click(screen.getByRole('button', { name: 'Lock' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/PIN/), '12345');
    await user.click(within(dialog).getByRole('button', { name: 'Lock' }));
    expect(
      within(dialog).getByText('The PIN must be exactly six digits.'),
    ).toBeInTheDocument();
    expect(api.queueComputerCommand).not.toHaveBeenCalled();

    await user.type(within(dialog).getByLabelText(/PIN/), '6');
    await user.click(within(dialog).getByLabelText('Message'));
    await user.paste('  Call IT on 1234  ');
    await user.click(within(dialog).getByRole('button', { name: 'Lock' }));
    expect(api.queueComputerCommand).toHaveBeenCalledWith('c-1', {
      requestType: 'DeviceLock',
      pin: '123456',
      message: 'Call IT on 1234',
    });
    expect(await screen.findByRole('status')).toHaveTextContent(
      'The PIN that unlocks it is 123456',
    );
  });

  it('refuses letters in the PIN as they are typed', async () => {
    const user = userEvent.setup({ delay: null });
    const api = await renderComputer();
    await user.click(screen.getByRole('button', { name: 'Lock' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/PIN/), '12a456');
    expect(
      within(dialog).getByText('The PIN must be exactly six digits.'),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Lock' }));
    expect(api.queueComputerCommand).not.toHaveBeenCalled();
  });

  it('removes the Mac from management once the admin confirms', async () => {
    const user = userEvent.setup({ delay: null });
    const api = await renderComputer();
    await user.click(
      screen.getByRole('button', { name: 'Remove from management' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/The Mac leaves management/),
    ).toBeInTheDocument();
    expect(api.queueComputerCommand).not.toHaveBeenCalled();
    await user.click(
      within(dialog).getByRole('button', { name: 'Remove from management' }),
    );
    expect(api.queueComputerCommand).toHaveBeenCalledWith('c-1', {
      requestType: 'RemoveProfile',
    });
  });

  it('says which permission is missing when the backend refuses', async () => {
    const user = userEvent.setup({ delay: null });
    await renderComputer({
      queueComputerCommand: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            403,
            'Forbidden',
            'You are not allowed to do this: it needs the "enrollment.computer.command" permission',
            'NotAllowedError',
          ),
        ),
    });
    await user.click(screen.getByRole('button', { name: 'Update inventory' }));
    expect(
      await screen.findByText(
        'You need the enrollment.computer.command permission to send commands to this Mac.',
      ),
    ).toBeInTheDocument();
  });

  it("shows the backend's reason when a command or push fails", async () => {
    const user = userEvent.setup({ delay: null });
    await renderComputer({
      pushComputer: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            409,
            'Conflict',
            'The Mac has no push token yet',
            'ConflictError',
          ),
        ),
    });
    await user.click(screen.getByRole('button', { name: 'Send blank push' }));
    expect(
      await screen.findByText(
        'The push was not sent: The Mac has no push token yet',
      ),
    ).toBeInTheDocument();
  });

  it('shows the history of an unenrolled computer but sends it nothing', async () => {
    const api = await renderComputer({
      getComputer: jest.fn().mockResolvedValue(
        computerDetails({
          status: 'unenrolled',
          unenrolledAt: '2030-06-06T12:00:00.000Z',
          push: { status: 'none' },
        }),
      ),
    });
    expect(value('Enrollment status')).toContain('Unenrolled');
    expect(value('Enrollment status')).toContain(
      formatDateTime('2030-06-06T12:00:00.000Z'),
    );
    expect(historyRow('RestartDevice')).toBeInTheDocument();
    expect(screen.getByText(/no longer enrolled/)).toBeInTheDocument();
    for (const name of [
      'Update inventory',
      'Send blank push',
      'Restart',
      'Lock',
      'Remove from management',
    ]) {
      expect(screen.getByRole('button', { name })).toBeDisabled();
    }
    expect(api.queueComputerCommand).not.toHaveBeenCalled();
  });

  it('refreshes the history until the Mac answers, then the inventory', async () => {
    jest.useFakeTimers();
    try {
      const sent = { ...queued('DeviceInformation'), status: 'sent' as const };
      const answered = {
        ...sent,
        status: 'acknowledged' as const,
        answeredAt: '2030-06-05T10:00:09.000Z',
      };
      const api = mockEnrollmentApi({
        listComputerCommands: jest
          .fn()
          .mockResolvedValueOnce({ items: [sent] })
          .mockResolvedValueOnce({ items: [sent] })
          .mockResolvedValue({ items: [answered] }),
      });
      await renderEnrollment('/computers/c-1', api);
      expect(await screen.findByText('sent')).toBeInTheDocument();
      expect(api.getComputer).toHaveBeenCalledTimes(1);

      await act(async () => {
        jest.advanceTimersByTime(POLL_INTERVAL_MS);
      });
      await waitFor(() =>
        expect(api.listComputerCommands).toHaveBeenCalledTimes(2),
      );
      expect(screen.getByText('sent')).toBeInTheDocument();

      await act(async () => {
        jest.advanceTimersByTime(POLL_INTERVAL_MS);
      });
      expect(await screen.findByText('acknowledged')).toBeInTheDocument();
      expect(api.listComputerCommands).toHaveBeenCalledTimes(3);
      // Its answer may have changed the inventory.
      await waitFor(() => expect(api.getComputer).toHaveBeenCalledTimes(2));

      // Nothing waits any more: no further requests.
      await act(async () => {
        jest.advanceTimersByTime(POLL_INTERVAL_MS * 5);
      });
      expect(api.listComputerCommands).toHaveBeenCalledTimes(3);
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows an error panel for an unknown computer', async () => {
    const api = mockEnrollmentApi({
      getComputer: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            404,
            'Not Found',
            'No computer with id nope',
            'NotFoundError',
          ),
        ),
    });
    await renderEnrollment('/computers/nope', api);
    expect(await screen.findByText('Not found')).toBeInTheDocument();
    expect(screen.queryByText('Inventory')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Lock' })).toBeNull();
    expect(api.getComputer).toHaveBeenCalledWith('nope');
  });
});
