import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { PortalSettings } from '@macenroll/plugin-enrollment-common';
import { ComponentType, useCallback, useState } from 'react';
import { EnrollmentApi, enrollmentApiRef } from '../api';
import {
  SectionProps,
  SettingsChange,
} from '../components/SettingsPage/sectionProps';
import { mockEnrollmentApi, portalSettings } from './enrollment';

/** Settings as the settings tests load them: every field set. */
export const loadedSettings = portalSettings({
  portalEnabled: true,
  skipCertificateInstallation: true,
  organizationName: 'Acme',
  supportContact: 'it@acme.test',
  texts: {
    welcome: 'Welcome to Acme',
    login: 'Use your Acme account.',
    certificate: 'Trust us first.',
    profile: 'Now the profile.',
    quickadd: 'Open the package.',
  },
  eula: { enabled: false, text: '' },
  allowSiteChoice: true,
  restrictToLdapGroups: ['mac-users', 'it-staff'],
  allowReenrollment: false,
});

/**
 * Renders one settings section (card) alone, holding the settings it edits
 * as the settings editor does, so that a test about one card does not render
 * the whole settings page. `settings()` is what the editor would now hold,
 * and so what its Save would send.
 */
export async function renderSettingsSection(
  Section: ComponentType<SectionProps>,
  initial: PortalSettings,
  options: { api?: EnrollmentApi; disabled?: boolean } = {},
) {
  const { api = mockEnrollmentApi(), disabled = false } = options;
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
      <Section settings={settings} onChange={onChange} disabled={disabled} />
    );
  };
  await renderInTestApp(
    <TestApiProvider apis={[[enrollmentApiRef, api]]}>
      <Editor />
    </TestApiProvider>,
  );
  return { api, settings: () => latest };
}
