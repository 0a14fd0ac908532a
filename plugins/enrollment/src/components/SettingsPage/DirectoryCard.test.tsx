import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  loadedSettings,
  renderSettingsSection,
} from '../../__testUtils__/settingsSection';
import { DirectoryCard } from './DirectoryCard';

const loaded = loadedSettings;

describe('DirectoryCard', () => {
  it('adds groups with Enter and removes them with their chip', async () => {
    const user = userEvent.setup({ delay: null });
    const { settings } = await renderSettingsSection(DirectoryCard, loaded);
    const groups = screen.getByRole('group', { name: 'Allowed groups' });

    await user.type(screen.getByLabelText('Add a group'), ' designers {Enter}');
    expect(within(groups).getByText('designers')).toBeInTheDocument();
    expect(screen.getByLabelText('Add a group')).toHaveValue('');

    await user.type(screen.getByLabelText('Add a group'), 'it-staff{Enter}');
    expect(
      screen.getByText('it-staff is already in the list.'),
    ).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Add a group'));

    await user.click(within(groups).getByTitle('Remove mac-users'));
    expect(within(groups).queryByText('mac-users')).not.toBeInTheDocument();

    // What the editor now holds, and so what Save sends.
    expect(settings()).toEqual({
      ...loaded,
      restrictToLdapGroups: ['it-staff', 'designers'],
    });
  });

  it('says every directory user may enroll when no group is left', async () => {
    const user = userEvent.setup({ delay: null });
    await renderSettingsSection(DirectoryCard, {
      ...loaded,
      restrictToLdapGroups: ['only'],
    });
    await user.click(screen.getByTitle('Remove only'));
    expect(
      screen.getByText('No groups: every directory user may enroll.'),
    ).toBeInTheDocument();
  });
});
