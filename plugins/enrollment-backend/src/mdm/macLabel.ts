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

/**
 * The label of a Mac from its Authenticate, before it has a device record:
 * the marketing name ("MacBook Pro") where it reports one.
 */
export function authenticatingMacLabel(mac: {
  udid: string;
  deviceName?: string;
  model?: string;
  modelName?: string;
  osVersion?: string;
  serialNumber?: string;
}): string {
  return macLabel({
    udid: mac.udid,
    name: mac.deviceName,
    model: mac.modelName ?? mac.model,
    osVersion: mac.osVersion,
    serialNumber: mac.serialNumber,
  });
}
