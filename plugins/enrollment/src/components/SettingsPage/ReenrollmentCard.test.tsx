import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  loadedSettings,
  renderSettingsSection,
} from '../../__testUtils__/settingsSection';
import { ReenrollmentCard } from './ReenrollmentCard';

describe('ReenrollmentCard', () => {
  it("edits Jamf's re-enrollment rules next to the re-enrollment switch", async () => {
    const user = userEvent.setup({ delay: null });
    const { settings } = await renderSettingsSection(
      ReenrollmentCard,
      loadedSettings,
    );
    const restrict = screen.getByRole('checkbox', {
      name: 'Restrict re-enrollment to authorized users',
    });
    expect(restrict).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'Nothing' })).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'Clear user and location' }),
    ).toBeChecked();

    await user.click(restrict);
    await user.click(
      screen.getByRole('radio', { name: 'All but acknowledged commands' }),
    );
    await user.click(
      screen.getByRole('checkbox', { name: 'Clear inventory history' }),
    );
    await user.click(
      screen.getByRole('checkbox', { name: 'Clear user and location' }),
    );
    await user.click(
      screen.getByRole('checkbox', { name: 'Let enrolled Macs enroll again' }),
    );
    expect(
      screen.getByText(
        'No groups: no directory user may re-enroll someone else’s Mac.',
      ),
    ).toBeInTheDocument();
    await user.type(
      screen.getByLabelText('Add a group that may re-enroll any Mac'),
      ' mac-admins {Enter}',
    );
    expect(
      within(
        screen.getByRole('group', {
          name: 'Directory groups that may re-enroll any Mac',
        }),
      ).getByText('mac-admins'),
    ).toBeInTheDocument();

    // What the editor now holds, and so what Save sends.
    expect(settings()).toEqual({
      ...loadedSettings,
      allowReenrollment: true,
      reenrollment: {
        restrictToAuthorizedUsers: true,
        clearCommands: 'all-but-acknowledged',
        clearInventoryHistory: true,
        clearUserAndLocation: false,
        authorizedGroups: ['mac-admins'],
      },
    });
  });

  it('shows the rules read-only without the update permission', async () => {
    await renderSettingsSection(ReenrollmentCard, loadedSettings, {
      disabled: true,
    });
    expect(
      screen.getByRole('checkbox', {
        name: 'Restrict re-enrollment to authorized users',
      }),
    ).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'Everything' })).toBeDisabled();
  });
});
