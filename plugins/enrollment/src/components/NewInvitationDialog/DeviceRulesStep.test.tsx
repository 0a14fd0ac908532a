import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MAX_SERIAL_ALLOWLIST } from '@macenroll/plugin-enrollment-common';
import { enrollmentApiRef } from '../../api';
import { invitation, mockEnrollmentApi } from '../../__testUtils__/enrollment';
import { NewInvitationDialog } from './NewInvitationDialog';

async function optionsStep() {
  const user = userEvent.setup({ delay: null });
  const api = mockEnrollmentApi({
    createInvitation: jest.fn().mockResolvedValue({
      ...invitation({ id: 'inv-9' }),
      url: 'https://mdm.example.com/enroll?invitation=SECRET',
    }),
  });
  await renderInTestApp(
    <TestApiProvider apis={[[enrollmentApiRef, api]]}>
      <NewInvitationDialog open onClose={jest.fn()} />
    </TestApiProvider>,
  );
  const dialog = screen.getByRole('dialog');
  const button = (name: string) => within(dialog).getByRole('button', { name });
  await user.click(button('Next'));
  return { user, api, dialog, button };
}

describe('NewInvitationDialog: serial numbers and device rules', () => {
  it('counts pasted serial numbers, merges duplicates and names the first bad one', async () => {
    const { user, dialog, button } = await optionsStep();
    const field = within(dialog).getByLabelText('Limit to serial numbers');
    await user.click(field);
    await user.paste('c02abc12345, C02ABC12345\nC02XYZ98765  bad!');
    expect(
      within(dialog).getByText(
        '“bad!” is not a serial number: 8 to 14 letters and digits.',
      ),
    ).toBeInTheDocument();
    expect(button('Next')).toBeDisabled();

    await user.clear(field);
    await user.paste('c02abc12345, C02ABC12345\nC02XYZ98765');
    expect(
      within(dialog).getByText(/^Serial numbers: 2\./),
    ).toBeInTheDocument();
    expect(button('Next')).toBeEnabled();
  });

  it('refuses more serial numbers than an invitation may list', async () => {
    const { dialog, button } = await optionsStep();
    const many = Array.from(
      { length: MAX_SERIAL_ALLOWLIST + 1 },
      (_, i) => `C02${String(i).padStart(8, '0')}`,
    );
    fireEvent.change(within(dialog).getByLabelText('Limit to serial numbers'), {
      target: { value: many.join('\n') },
    });
    expect(
      within(dialog).getByText(
        `At most ${MAX_SERIAL_ALLOWLIST} serial numbers.`,
      ),
    ).toBeInTheDocument();
    expect(button('Next')).toBeDisabled();
  });

  it('sends the serial numbers and the rules with the invitation', async () => {
    const { user, api, dialog, button } = await optionsStep();
    await user.click(within(dialog).getByLabelText('Limit to serial numbers'));
    await user.paste('c02abc12345 C02XYZ98765');
    const version = within(dialog).getByLabelText('Minimum macOS version');
    await user.type(version, '13.x');
    expect(
      within(dialog).getByText('Type a macOS version such as 13.0 or 10.15.7.'),
    ).toBeInTheDocument();
    expect(button('Next')).toBeDisabled();
    await user.clear(version);
    await user.type(version, '13.0');
    await user.click(within(dialog).getByLabelText('Allowed models'));
    await user.paste('MacBookPro\nMacBook Air');
    await user.click(button('Next'));
    await user.click(button('Next'));
    expect(
      within(dialog).getByText('Only the 2 listed Macs'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        'Needs macOS 13.0 or later · Models: MacBookPro, MacBook Air',
      ),
    ).toBeInTheDocument();
    await user.click(button('Send'));
    expect(api.createInvitation).toHaveBeenCalledWith(
      expect.objectContaining({
        serialNumbers: ['C02ABC12345', 'C02XYZ98765'],
        deviceRules: {
          minimumOsVersion: '13.0',
          allowedModels: ['MacBookPro', 'MacBook Air'],
        },
      }),
    );
  });
});
