import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EnrollmentApi, enrollmentApiRef } from '../../api';
import {
  invitation,
  mockEnrollmentApi,
  responseError,
} from '../../__testUtils__/enrollment';
import { formatExpiry } from '../../utils/format';
import { defaultExpiryDate, localDateString } from './expiry';
import { NewInvitationDialog } from './NewInvitationDialog';
import { MAX_RECIPIENTS } from './parseRecipients';

const LINK = 'https://mdm.example.com/enroll?invitation=SECRET';

// A month from now: in the future and within the year the backend allows.
const EXPIRY_DATE = localDateString(
  new Date(Date.now() + 30 * 24 * 3600 * 1000),
);

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

async function renderDialog(api: EnrollmentApi) {
  const onClose = jest.fn();
  await renderInTestApp(
    <TestApiProvider apis={[[enrollmentApiRef, api]]}>
      <NewInvitationDialog open onClose={onClose} />
    </TestApiProvider>,
  );
  return { onClose, dialog: screen.getByRole('dialog') };
}

function button(dialog: HTMLElement, name: string) {
  return within(dialog).getByRole('button', { name });
}

describe('NewInvitationDialog', () => {
  it('names invalid entries, drops duplicates and counts the valid ones', async () => {
    const user = userEvent.setup({ delay: null });
    const { dialog } = await renderDialog(mockEnrollmentApi());

    expect(within(dialog).getByText('0 valid')).toBeInTheDocument();
    expect(
      within(dialog).getByText(/link-only invitation: you share the link/),
    ).toBeInTheDocument();

    // paste, so every separator arrives at once as from a spreadsheet
    await user.click(within(dialog).getByLabelText('Recipients'));
    await user.paste(
      'jane@example.com, Bob@example.com;foo@\nbob@EXAMPLE.com  not-an-address\tjane@example.com',
    );

    expect(
      within(dialog).getByText('2 valid, 2 duplicates removed'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('not an email address: foo@'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('not an email address: not-an-address'),
    ).toBeInTheDocument();
    expect(button(dialog, 'Next')).toBeDisabled();

    await user.clear(within(dialog).getByLabelText('Recipients'));
    await user.paste('jane@example.com, Bob@example.com bob@example.com');
    expect(
      within(dialog).queryByText(/not an email address/),
    ).not.toBeInTheDocument();
    expect(
      within(dialog).getByText('2 valid, 1 duplicate removed'),
    ).toBeInTheDocument();
    expect(button(dialog, 'Next')).toBeEnabled();
  });

  it('refuses more recipients than an invitation may have', async () => {
    const user = userEvent.setup({ delay: null });
    const { dialog } = await renderDialog(mockEnrollmentApi());
    // The limit is the backend's (MAX_INVITATION_RECIPIENTS, shared): one more.
    const count = MAX_RECIPIENTS + 1;
    const many = Array.from({ length: count }, (_, i) => `p${i}@example.com`);
    await user.click(within(dialog).getByLabelText('Recipients'));
    await user.paste(many.join('\n'));
    expect(within(dialog).getByText(`${count} valid`)).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        `at most ${MAX_RECIPIENTS} recipients; this one has ${count}`,
        { exact: false },
      ),
    ).toBeInTheDocument();
    expect(button(dialog, 'Next')).toBeDisabled();
  });

  it('expires in 14 days by default and refuses a past date', async () => {
    const user = userEvent.setup({ delay: null });
    const { dialog } = await renderDialog(mockEnrollmentApi());
    await user.click(button(dialog, 'Next'));

    const date = within(dialog).getByLabelText('Expires on');
    expect(date).toHaveValue(defaultExpiryDate());
    expect(button(dialog, 'Next')).toBeEnabled();

    fireEvent.change(date, { target: { value: '2000-01-01' } });
    expect(
      within(dialog).getByText('Choose a date in the future.'),
    ).toBeInTheDocument();
    expect(button(dialog, 'Next')).toBeDisabled();
  });

  it('sends what the admin chose, says what each recipient gets, and shows the link with Copy', async () => {
    const user = userEvent.setup({ delay: null });
    const writeText = jest
      .spyOn(navigator.clipboard, 'writeText')
      .mockResolvedValue(undefined);
    const api = mockEnrollmentApi({
      listSites: jest.fn().mockResolvedValue(sites),
      createInvitation: jest
        .fn()
        .mockResolvedValue({ ...invitation({ id: 'inv-9' }), url: LINK }),
    });
    const { dialog, onClose } = await renderDialog(api);

    // Recipients
    await user.click(within(dialog).getByLabelText('Recipients'));
    await user.paste('jane@example.com; bob@example.com');
    await user.click(button(dialog, 'Next'));

    // Options
    fireEvent.change(within(dialog).getByLabelText('Expires on'), {
      target: { value: EXPIRY_DATE },
    });
    await user.click(
      within(dialog).getByRole('checkbox', { name: 'Require login' }),
    );
    await user.click(
      within(dialog).getByRole('checkbox', { name: 'Allow multiple uses' }),
    );
    const keepSite = within(dialog).getByRole('checkbox', {
      name: 'Re-enrolling computers keep their site',
    });
    expect(keepSite).toBeDisabled();
    await user.click(within(dialog).getByLabelText('Site'));
    await user.click(await screen.findByRole('option', { name: 'Paris' }));
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    await user.click(keepSite);
    await user.click(button(dialog, 'Next'));

    // Message: shown as typed, never as markup
    expect(within(dialog).getByLabelText('Subject')).toHaveAttribute(
      'placeholder',
      'Enroll your Mac',
    );
    // Pasted: one change each, not one render of the dialog per key.
    await user.click(within(dialog).getByLabelText('Subject'));
    await user.paste('Your new Mac');
    await user.click(within(dialog).getByLabelText('Message'));
    await user.paste('Hello <b>team</b>');
    const preview = within(dialog).getByRole('region', {
      name: 'Email preview',
    });
    expect(
      within(preview).getByText('Subject: Your new Mac'),
    ).toBeInTheDocument();
    expect(within(preview).getByText('Hello <b>team</b>')).toBeInTheDocument();
    expect(preview.querySelector('b')).toBeNull();
    expect(within(preview).getByText('(enrollment link)')).toBeInTheDocument();
    expect(
      within(preview).getByText(
        `The link works until ${formatExpiry(`${EXPIRY_DATE}T23:59:59.000Z`)}.`,
      ),
    ).toBeInTheDocument();
    await user.click(button(dialog, 'Next'));

    // Review
    expect(within(dialog).getByText('Paris')).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        'A link of their own that enrolls any number of Macs until the invitation expires',
      ),
    ).toBeInTheDocument();
    await user.click(button(dialog, 'Send'));

    expect(api.createInvitation).toHaveBeenCalledWith({
      recipients: ['jane@example.com', 'bob@example.com'],
      expiresAt: `${EXPIRY_DATE}T23:59:59.000Z`,
      requireLogin: false,
      multipleUses: true,
      siteId: 's-1',
      keepExistingSite: true,
      subject: 'Your new Mac',
      message: 'Hello <b>team</b>',
    });

    const link = await within(dialog).findByLabelText('Enrollment link');
    expect(link).toHaveValue(LINK);
    expect(link).toHaveAttribute('readonly');
    expect(
      within(dialog).getByText(
        /Invitation 7 was created and is being sent to 2/,
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(/Each recipient gets a link of their own/),
    ).toBeInTheDocument();
    await user.click(button(dialog, 'Copy'));
    expect(writeText).toHaveBeenCalledWith(LINK);
    expect(await within(dialog).findByText('Copied')).toBeInTheDocument();

    await user.click(button(dialog, 'Close'));
    expect(onClose).toHaveBeenCalledWith(true);
  });

  it('sends a link-only invitation with the defaults', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi({
      createInvitation: jest.fn().mockResolvedValue({
        ...invitation({ recipients: [], recipientCount: 0 }),
        url: LINK,
      }),
    });
    const { dialog } = await renderDialog(api);
    for (let step = 0; step < 3; step++) {
      await user.click(button(dialog, 'Next'));
    }
    expect(
      within(dialog).getByText(
        'None: a link-only invitation that you share yourself',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('Enrolls one Mac, then stops working'),
    ).toBeInTheDocument();
    await user.click(button(dialog, 'Send'));
    expect(api.createInvitation).toHaveBeenCalledWith({
      recipients: [],
      expiresAt: `${defaultExpiryDate()}T23:59:59.000Z`,
      requireLogin: true,
      multipleUses: false,
    });
    expect(await within(dialog).findByLabelText('Enrollment link')).toHaveValue(
      LINK,
    );
    expect(
      within(dialog).getByText(/You can show this link again/),
    ).toBeInTheDocument();
  });

  it("shows the backend's message and keeps what was entered", async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi({
      createInvitation: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            400,
            'Bad Request',
            'Not valid email addresses: "x@y.invalid"',
          ),
        ),
    });
    const { dialog, onClose } = await renderDialog(api);
    await user.click(within(dialog).getByLabelText('Recipients'));
    await user.paste('jane@example.com');
    for (let step = 0; step < 3; step++) {
      await user.click(button(dialog, 'Next'));
    }
    await user.click(button(dialog, 'Send'));

    expect(
      await within(dialog).findByText(
        'The invitation was not created: Not valid email addresses: "x@y.invalid"',
      ),
    ).toBeInTheDocument();
    expect(within(dialog).queryByLabelText('Enrollment link')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();

    for (let step = 0; step < 3; step++) {
      await user.click(button(dialog, 'Back'));
    }
    expect(within(dialog).getByLabelText('Recipients')).toHaveValue(
      'jane@example.com',
    );
  });

  it('closes without creating on Cancel', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockEnrollmentApi();
    const { dialog, onClose } = await renderDialog(api);
    await user.click(button(dialog, 'Cancel'));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith(false));
    expect(api.createInvitation).not.toHaveBeenCalled();
  });
});
