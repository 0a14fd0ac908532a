import {
  DeviceRefusal,
  DeviceRules,
} from '@macenroll/plugin-enrollment-common';

/** What an Authenticate tells of the Mac that the rules look at. */
export interface MacFacts {
  serialNumber?: string;
  osVersion?: string;
  /** The model identifier, "MacBookPro18,3". */
  model?: string;
  /** The marketing name, "MacBook Pro". */
  modelName?: string;
}

/** Every rule that applies to one enrollment. */
export interface Admission {
  /** The site's rules, then the invitation's: all of them apply. */
  rules: DeviceRules[];
  /** Whether the serial is on the invitation's list; undefined: no list. */
  serialListed?: boolean;
}

/**
 * Compares macOS versions part by part as numbers ("10.15.7" < "13.0" <
 * "13.10"); missing parts count as 0. Undefined for a version that is not
 * dotted numbers.
 */
export function compareOsVersions(a: string, b: string): number | undefined {
  const parts = (v: string) =>
    /^\d+(\.\d+)*$/.test(v.trim())
      ? v.trim().split('.').map(Number)
      : undefined;
  const x = parts(a);
  const y = parts(b);
  if (!x || !y) return undefined;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

/**
 * Whether a Mac's model matches one allowed entry, without case: the model
 * identifier itself ("MacBookPro18,3"), its family, the identifier up to
 * where its digits start ("MacBookPro"), or its name ("MacBook Pro").
 */
export function modelMatches(entry: string, mac: MacFacts): boolean {
  const wanted = entry.trim().toLowerCase();
  if (!wanted) return false;
  const model = mac.model?.trim().toLowerCase();
  const family = model?.match(/^[^\d]+/)?.[0];
  const name = mac.modelName?.trim().toLowerCase();
  return wanted === model || wanted === family || wanted === name;
}

/**
 * Why the Mac may not enroll under these rules, or undefined when it may.
 * A Mac that does not tell what a rule needs (no serial, no version, no
 * model) is refused by that rule: the rule is to be proven, not assumed.
 */
export function refusalFor(
  admission: Admission,
  mac: MacFacts,
): DeviceRefusal | undefined {
  if (admission.serialListed === false) {
    return { reason: 'serial-not-listed', serialNumber: mac.serialNumber };
  }
  for (const rule of admission.rules) {
    const minimum = rule.minimumOsVersion;
    if (minimum) {
      const order = mac.osVersion
        ? compareOsVersions(mac.osVersion, minimum)
        : undefined;
      if (order === undefined || order < 0) {
        return {
          reason: 'os-too-old',
          osVersion: mac.osVersion,
          minimumOsVersion: minimum,
        };
      }
    }
    const models = rule.allowedModels;
    if (models?.length && !models.some(entry => modelMatches(entry, mac))) {
      return {
        reason: 'model-not-allowed',
        model: mac.model,
        modelName: mac.modelName,
        allowedModels: models,
      };
    }
  }
  return undefined;
}

/** The refusal in an admin's words, for the activity log. */
export function describeRefusal(refusal: DeviceRefusal): string {
  switch (refusal.reason) {
    case 'serial-not-listed':
      return refusal.serialNumber
        ? `serial number ${refusal.serialNumber} is not on the invitation's list`
        : 'the Mac told no serial number and the invitation lists serial numbers';
    case 'os-too-old':
      return `macOS ${
        refusal.osVersion ?? '(not told)'
      } is older than the required ${refusal.minimumOsVersion}`;
    default:
      return `model ${refusal.model ?? '(not told)'}${
        refusal.modelName ? ` (${refusal.modelName})` : ''
      } is not one of ${refusal.allowedModels.join(', ')}`;
  }
}
