import { PortalSettings } from '@macenroll/plugin-enrollment-common';

const onOff = (value: unknown) => (value ? 'on' : 'off');
const same = (a: unknown, b: unknown) =>
  JSON.stringify(a) === JSON.stringify(b);

/** What changed in one key: switches with their new state, texts by name. */
function changesOf(key: string, before: unknown, after: unknown): string[] {
  if (same(before, after)) return [];
  if (typeof before === 'boolean' || typeof after === 'boolean') {
    return [`${key} ${onOff(before)} → ${onOff(after)}`];
  }
  if (
    before &&
    after &&
    typeof before === 'object' &&
    typeof after === 'object' &&
    !Array.isArray(before)
  ) {
    const was = before as Record<string, unknown>;
    const is = after as Record<string, unknown>;
    return [...new Set([...Object.keys(was), ...Object.keys(is)])].flatMap(
      sub => {
        if (!(sub in was)) return [`${key}.${sub} added`];
        if (!(sub in is)) return [`${key}.${sub} removed`];
        return changesOf(`${key}.${sub}`, was[sub], is[sub]);
      },
    );
  }
  return [key];
}

/**
 * A settings change as the activity log says it: which settings changed
 * (switches with their new state; texts by name, not their words), at most
 * ten, then how many more.
 */
export function describeSettingsChange(
  before: PortalSettings,
  after: PortalSettings,
): string {
  const keys = [
    ...new Set([...Object.keys(before), ...Object.keys(after)]),
  ] as (keyof PortalSettings)[];
  const changes = keys.flatMap(key => changesOf(key, before[key], after[key]));
  if (!changes.length) return 'Saved the enrollment settings unchanged';
  const shown = changes.slice(0, 10).join(', ');
  const more = changes.length > 10 ? ` and ${changes.length - 10} more` : '';
  return `Changed the enrollment settings: ${shown}${more}`;
}
