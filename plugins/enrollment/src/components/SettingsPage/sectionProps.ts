import { PortalSettings } from '@macenroll/plugin-enrollment-common';
import { ComponentType, memo } from 'react';

/** A change to the edited settings, or a function of them for nested values. */
export type SettingsChange =
  | Partial<PortalSettings>
  | ((current: PortalSettings) => Partial<PortalSettings>);

/** What every settings section gets: the edited settings and a way to change them. */
export interface SectionProps {
  settings: PortalSettings;
  /** Stable across renders. */
  onChange: (change: SettingsChange) => void;
  /** Without the update permission, everything is shown read-only. */
  disabled: boolean;
}

/**
 * A section that renders again only when the settings it shows change, so
 * typing in one field does not redraw the whole page.
 */
export function memoSection<P extends SectionProps>(
  section: ComponentType<P>,
  keys: (keyof PortalSettings)[],
) {
  return memo(
    section,
    (prev, next) =>
      prev.disabled === next.disabled &&
      prev.onChange === next.onChange &&
      keys.every(key => prev.settings[key] === next.settings[key]),
  );
}
