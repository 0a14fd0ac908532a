import { macosOf } from './PortalFlow';
import { DEFAULT_PORTAL_SETTINGS } from '@macenroll/plugin-enrollment-common';
import { nextStep } from './flow';

const base = {
  state: {},
  settings: DEFAULT_PORTAL_SETTINGS,
  directoryConfigured: true,
  invitationHasSite: false,
  sitesExist: true,
};

describe('nextStep', () => {
  it('asks for a login first', () => {
    expect(nextStep(base)).toBe('login');
  });

  it('goes straight to the downloads for a directory login with default settings', () => {
    expect(
      nextStep({ ...base, state: { login: { kind: 'ldap', name: 'alice' } } }),
    ).toBe('download');
    expect(nextStep({ ...base, state: { login: { kind: 'none' } } })).toBe(
      'download',
    );
  });

  it('asks a local account which directory person the Mac is for', () => {
    const state = { login: { kind: 'local' as const, name: 'enroll' } };
    expect(nextStep({ ...base, state })).toBe('choose-user');
    expect(
      nextStep({ ...base, state: { ...state, user: { username: 'bob' } } }),
    ).toBe('download');
    expect(nextStep({ ...base, directoryConfigured: false, state })).toBe(
      'download',
    );
  });

  it('asks for the EULA, then the site, when the settings want them', () => {
    const settings = {
      ...DEFAULT_PORTAL_SETTINGS,
      eula: { enabled: true, text: 'Be nice' },
      allowSiteChoice: true,
    };
    const login = { kind: 'ldap' as const, name: 'alice' };
    expect(nextStep({ ...base, settings, state: { login } })).toBe('eula');
    expect(
      nextStep({ ...base, settings, state: { login, eulaAccepted: true } }),
    ).toBe('site');
    expect(
      nextStep({
        ...base,
        settings,
        invitationHasSite: true,
        state: { login, eulaAccepted: true },
      }),
    ).toBe('download');
    expect(
      nextStep({
        ...base,
        settings,
        sitesExist: false,
        state: { login, eulaAccepted: true },
      }),
    ).toBe('download');
    expect(
      nextStep({
        ...base,
        settings,
        state: { login, eulaAccepted: true, siteId: 's' },
      }),
    ).toBe('download');
  });
});

describe('macosOf', () => {
  it("says a frozen Safari version is 10.15 or later, and tells an older Mac's version", () => {
    expect(
      macosOf({ kind: 'mac-modern', osVersion: '10.15.7', frozen: true }),
    ).toBe('macOS 10.15 or later; the Mac tells its version when it checks in');
    expect(
      macosOf({ kind: 'mac-modern', osVersion: '10.14.6', frozen: false }),
    ).toBe('macOS 10.14.6');
    expect(macosOf({ kind: 'mac-legacy', osVersion: '10.12.6' })).toBe(
      'macOS 10.12.6',
    );
  });
});
