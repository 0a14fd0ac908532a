import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { enrollmentApiRef } from '../../api';
import {
  mockEnrollmentApi,
  responseError,
} from '../../__testUtils__/enrollment';
import { MailTestCard } from './MailTestCard';

async function renderCard(
  overrides: Parameters<typeof mockEnrollmentApi>[0] = {},
) {
  const api = mockEnrollmentApi(overrides);
  await renderInTestApp(
    <TestApiProvider apis={[[enrollmentApiRef, api]]}>
      <MailTestCard disabled={false} />
    </TestApiProvider>,
  );
  return api;
}

describe('MailTestCard', () => {
  it('sends a test email and shows the message id', async () => {
    const user = userEvent.setup({ delay: null });
    const api = await renderCard({
      sendTestEmail: jest.fn().mockResolvedValue({ messageId: '<abc@mail>' }),
    });
    await user.type(
      screen.getByLabelText('Send a test email to'),
      'it@acme.test',
    );
    await user.click(screen.getByRole('button', { name: 'Send test email' }));
    expect(api.sendTestEmail).toHaveBeenCalledWith('it@acme.test');
    expect(
      await screen.findByText(
        'The mail server accepted the message for it@acme.test. Message id: <abc@mail>',
      ),
    ).toBeInTheDocument();
  });

  it("shows the mail server's reason when the test email fails", async () => {
    const user = userEvent.setup({ delay: null });
    const message =
      'The mail server did not take the message: connect ECONNREFUSED. Check enrollment.smtp and try again.';
    await renderCard({
      sendTestEmail: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            503,
            'Service Unavailable',
            message,
            'ServiceUnavailableError',
          ),
        ),
    });
    await user.type(
      screen.getByLabelText('Send a test email to'),
      'it@acme.test',
    );
    await user.click(screen.getByRole('button', { name: 'Send test email' }));
    expect(await screen.findByText(message)).toBeInTheDocument();
  });
});
