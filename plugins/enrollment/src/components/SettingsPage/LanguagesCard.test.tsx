import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PortalSettings } from '@macenroll/plugin-enrollment-common';
import { useCallback, useState } from 'react';
import { portalSettings } from '../../__testUtils__/enrollment';
import { LanguagesCard } from './LanguagesCard';
import { SettingsChange } from './sectionProps';

/** The card with settings it changes, as the editor holds them. */
async function renderCard(initial: PortalSettings) {
  let latest = initial;
  const Editor = () => {
    const [settings, setSettings] = useState(initial);
    const onChange = useCallback((change: SettingsChange) => {
      setSettings(current => {
        const patch = typeof change === 'function' ? change(current) : change;
        latest = { ...current, ...patch };
        return latest;
      });
    }, []);
    return (
      <LanguagesCard settings={settings} onChange={onChange} disabled={false} />
    );
  };
  await renderInTestApp(<Editor />);
  return { settings: () => latest };
}

describe('LanguagesCard', () => {
  it('adds a language, takes its texts, leaves empty ones to English, and removes it', async () => {
    const user = userEvent.setup({ delay: null });
    const { settings } = await renderCard(portalSettings());

    await user.type(screen.getByLabelText('Add a language'), 'fr_FR');
    expect(
      screen.getByText('Not a language tag: use fr, de-CH, pt-BR…'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add' })).toBeDisabled();
    await user.clear(screen.getByLabelText('Add a language'));
    await user.type(screen.getByLabelText('Add a language'), 'fr');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(settings().translations).toEqual({ fr: {} });

    await user.click(
      screen.getByRole('button', { name: 'Login and choosing the person' }),
    );
    const heading = await screen.findByLabelText('login.heading');
    expect(heading).toHaveAttribute('placeholder', 'Enroll your Mac');
    await user.click(heading);
    await user.paste('Enrôlez votre Mac');
    expect(settings().translations.fr).toEqual({
      'login.heading': 'Enrôlez votre Mac',
    });
    // A step text can be translated too.
    expect(screen.getByLabelText('login.welcome')).toBeEnabled();
    await user.clear(heading);
    expect(settings().translations.fr).toEqual({});

    await user.click(screen.getByRole('button', { name: 'Remove fr' }));
    expect(settings().translations).toEqual({});
  });

  it('keeps the English step texts to the Texts card', async () => {
    const user = userEvent.setup({ delay: null });
    await renderCard(portalSettings());
    await user.click(
      screen.getByRole('button', { name: 'Login and choosing the person' }),
    );
    await waitFor(() =>
      expect(screen.getByLabelText('login.welcome')).toBeDisabled(),
    );
    expect(screen.getByLabelText('login.submit')).toBeEnabled();
  });
});
