import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockEnrollmentApi,
  responseError,
  site,
} from '../../__testUtils__/enrollment';
import {
  loadedSettings,
  renderSettingsSection,
} from '../../__testUtils__/settingsSection';
import { SitesCard } from './SitesCard';

async function renderCard(
  overrides: Parameters<typeof mockEnrollmentApi>[0] = {},
) {
  const rendered = await renderSettingsSection(SitesCard, loadedSettings, {
    api: mockEnrollmentApi({
      listSites: jest.fn().mockResolvedValue({ items: [site()] }),
      ...overrides,
    }),
  });
  return rendered;
}

describe('SitesCard', () => {
  it("sets and removes a site's device rules in its editor", async () => {
    const user = userEvent.setup({ delay: null });
    const rules = { minimumOsVersion: '14.0', allowedModels: ['MacBookPro'] };
    const { api } = await renderCard({
      renameSite: jest
        .fn()
        .mockResolvedValueOnce(site({ deviceRules: rules }))
        .mockResolvedValueOnce(site()),
    });
    const sites = await screen.findByRole('list', { name: 'Sites' });
    await user.click(screen.getByRole('button', { name: 'Rename Paris' }));
    await user.type(screen.getByLabelText('Minimum macOS version'), '14.0');
    await user.type(screen.getByLabelText('Allowed models'), 'MacBookPro');
    await user.click(
      screen.getByRole('button', { name: 'Save the name of Paris' }),
    );
    expect(api.renameSite).toHaveBeenCalledWith('s-1', 'Paris', rules);
    expect(
      await within(sites).findByText(
        'Needs macOS 14.0 or later · Models: MacBookPro',
      ),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Rename Paris' }));
    await user.clear(screen.getByLabelText('Minimum macOS version'));
    await user.clear(screen.getByLabelText('Allowed models'));
    await user.click(
      screen.getByRole('button', { name: 'Save the name of Paris' }),
    );
    expect(api.renameSite).toHaveBeenLastCalledWith('s-1', 'Paris', null);
  });

  it('adds, renames and deletes sites at once', async () => {
    const user = userEvent.setup({ delay: null });
    const lyon = site({ id: 's-2', name: 'Lyon' });
    const { api, settings } = await renderCard({
      createSite: jest.fn().mockResolvedValue(lyon),
      renameSite: jest
        .fn()
        .mockResolvedValue(site({ id: 's-1', name: 'Marseille' })),
      deleteSite: jest.fn().mockResolvedValue(undefined),
    });
    const sites = await screen.findByRole('list', { name: 'Sites' });
    expect(within(sites).getByText('Paris')).toBeInTheDocument();

    await user.type(screen.getByLabelText('New site'), ' Lyon {Enter}');
    expect(api.createSite).toHaveBeenCalledWith('Lyon');
    expect(await within(sites).findByText('Lyon')).toBeInTheDocument();
    expect(screen.getByLabelText('New site')).toHaveValue('');

    await user.click(screen.getByRole('button', { name: 'Rename Paris' }));
    const field = screen.getByLabelText('New name for Paris');
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.type(field, 'Marseille{Enter}');
    expect(api.renameSite).toHaveBeenCalledWith('s-1', 'Marseille');
    expect(await within(sites).findByText('Marseille')).toBeInTheDocument();
    expect(within(sites).queryByText('Paris')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete Lyon' }));
    expect(api.deleteSite).toHaveBeenCalledWith('s-2');
    await waitFor(() =>
      expect(within(sites).queryByText('Lyon')).not.toBeInTheDocument(),
    );
    // Sites are not part of the settings that Save sends: the settings the
    // editor holds are still those loaded ("No unsaved changes.").
    expect(settings()).toEqual(loadedSettings);
  });

  it('shows why a site in use cannot be deleted, and keeps it', async () => {
    const user = userEvent.setup({ delay: null });
    const message =
      'The site "Paris" is used by 2 invitation(s) and 5 computer(s); move them to another site first';
    await renderCard({
      deleteSite: jest
        .fn()
        .mockRejectedValue(await responseError(409, 'Conflict', message)),
    });
    await user.click(
      await screen.findByRole('button', { name: 'Delete Paris' }),
    );
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Sites' })).getByText('Paris'),
    ).toBeInTheDocument();
  });

  it('shows why a rename was refused in the row being edited', async () => {
    const user = userEvent.setup({ delay: null });
    await renderCard({
      renameSite: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            409,
            'Conflict',
            'A site named "Lyon" already exists',
          ),
        ),
    });
    await user.click(
      await screen.findByRole('button', { name: 'Rename Paris' }),
    );
    const field = screen.getByLabelText('New name for Paris');
    await user.clear(field);
    await user.type(field, 'Lyon{Enter}');
    expect(
      await screen.findByText('A site named "Lyon" already exists'),
    ).toBeInTheDocument();
    expect(field).toHaveValue('Lyon');

    await user.type(field, '{Escape}');
    expect(
      screen.queryByLabelText('New name for Paris'),
    ).not.toBeInTheDocument();
    expect(screen.getByText('Paris')).toBeInTheDocument();
  });
});
