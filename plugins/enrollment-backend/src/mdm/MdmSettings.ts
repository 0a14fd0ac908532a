import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readDurationSetting } from '../lib/durationSetting';

/**
 * Reads the agent manifest URL and the device identity lifetime from
 * `enrollment.mdm` (`root` is `enrollment`).
 */
export function readMdmSettings(root: Config | undefined): {
  agentManifestUrl?: string;
  certificateLifetimeDays: number;
} {
  const agentManifestUrl = root?.getOptionalString('mdm.agentManifestUrl');
  if (agentManifestUrl && !/^https:\/\//.test(agentManifestUrl)) {
    throw new InputError(
      'enrollment.mdm.agentManifestUrl must be an https:// URL',
    );
  }
  const lifetime = readDurationSetting(
    root,
    'enrollment',
    'mdm.certificateLifetimeDays',
    'days',
    365,
  );
  const certificateLifetimeDays = lifetime.value;
  if (!(certificateLifetimeDays >= 1 && certificateLifetimeDays <= 3650)) {
    throw new InputError(`${lifetime.name} must be between 1 and 3650`);
  }
  return { agentManifestUrl, certificateLifetimeDays };
}

/**
 * Reads `enrollment.mdm.renewalDays`, which must leave some of the
 * certificate lifetime before renewal starts.
 */
export function readRenewalDays(
  root: Config | undefined,
  certificateLifetimeDays: number,
): number {
  const renewal = readDurationSetting(
    root,
    'enrollment',
    'mdm.renewalDays',
    'days',
    30,
  );
  const renewalDays = renewal.value;
  if (
    !Number.isInteger(renewalDays) ||
    renewalDays < 1 ||
    renewalDays >= certificateLifetimeDays
  ) {
    throw new InputError(
      `${renewal.name} must be a whole number of days from 1 to less than the certificate lifetime (${certificateLifetimeDays})`,
    );
  }
  return renewalDays;
}
