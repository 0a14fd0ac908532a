import { Config } from '@backstage/config';
import {
  readSigningIdentityPem,
  SigningIdentity,
} from '../pki/signingIdentity';

/**
 * Reads and checks `enrollment.profileSigning` (`root` is `enrollment`) at
 * start-up: an identity that could not sign, or has expired, stops the
 * backend with the reason rather than handing out unverifiable profiles.
 */
export function readProfileSigningSettings(
  root: Config | undefined,
  now: Date = new Date(),
): SigningIdentity | undefined {
  const signing = root?.getOptionalConfig('profileSigning');
  if (!signing) return undefined;
  return readSigningIdentityPem(
    signing.getString('certificate'),
    signing.getString('privateKey'),
    'enrollment.profileSigning',
    now,
  );
}
