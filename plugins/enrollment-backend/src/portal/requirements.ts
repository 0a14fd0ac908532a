import {
  DeviceRules,
  Invitation,
  Site,
} from '@macenroll/plugin-enrollment-common';
import { compareOsVersions } from '../mdm/checkin/deviceRules';

/** What the portal tells a person their Mac needs, from every rule that applies. */
export interface MacRequirements {
  /** The highest minimum of the rules. */
  minimumOsVersion?: string;
  /** Each rule's model list; the Mac must be on every one. */
  modelLists: string[][];
  /** The invitation lists serial numbers. */
  serialList: boolean;
}

/** The requirements of an enrollment's invitation and site; none when they ask nothing. */
export function requirementsOf(
  invitation:
    | Pick<Invitation, 'deviceRules' | 'serialAllowlistCount'>
    | undefined,
  site: Pick<Site, 'deviceRules'> | undefined,
): MacRequirements | undefined {
  const rules = [site?.deviceRules, invitation?.deviceRules].filter(
    (r): r is DeviceRules => Boolean(r),
  );
  let minimumOsVersion: string | undefined;
  for (const { minimumOsVersion: v } of rules) {
    if (
      v &&
      (!minimumOsVersion || (compareOsVersions(v, minimumOsVersion) ?? 0) > 0)
    ) {
      minimumOsVersion = v;
    }
  }
  const modelLists = rules
    .map(r => r.allowedModels ?? [])
    .filter(list => list.length > 0);
  const serialList = Boolean(invitation?.serialAllowlistCount);
  if (!minimumOsVersion && !modelLists.length && !serialList) return undefined;
  return { minimumOsVersion, modelLists, serialList };
}

// Model identifiers' families as Apple names them; other entries are shown as typed.
const FAMILY_NAMES: Record<string, string> = {
  macbookpro: 'MacBook Pro',
  macbookair: 'MacBook Air',
  macbook: 'MacBook',
  macmini: 'Mac mini',
  macpro: 'Mac Pro',
  imac: 'iMac',
  imacpro: 'iMac Pro',
};

/** A model entry as a person reads it: "MacBookPro" is "MacBook Pro". */
export function modelDisplayName(entry: string): string {
  return FAMILY_NAMES[entry.trim().toLowerCase()] ?? entry.trim();
}
