import { PortalSettings } from '@macenroll/plugin-enrollment-common';

/** The admin-edited portal settings; defaults until an admin saves. */
export interface SettingsStore {
  /** The saved settings, with defaults for whatever they lack. */
  get(): Promise<PortalSettings>;
  /** Replaces the settings; returns them as `get` will. */
  save(settings: PortalSettings, updatedBy: string): Promise<PortalSettings>;
}
