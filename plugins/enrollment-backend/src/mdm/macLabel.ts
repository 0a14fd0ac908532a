/**
 * A Mac as the activity log names it: its name, then what tells it apart
 * (model, the macOS it reported at check-in, serial), never its UDID alone.
 */
export function macLabel(mac: {
  name?: string;
  model?: string;
  osVersion?: string;
  serialNumber?: string;
  udid: string;
}): string {
  const facts = [
    mac.model,
    mac.osVersion && `macOS ${mac.osVersion}`,
    mac.serialNumber,
  ].filter(Boolean);
  const name = mac.name ?? (mac.serialNumber ? 'A Mac' : `Mac ${mac.udid}`);
  return facts.length ? `${name} (${facts.join(', ')})` : name;
}
