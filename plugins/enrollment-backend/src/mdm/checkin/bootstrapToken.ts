import plist from 'plist';
import { Device } from '../../database/DeviceStore';
import { CheckinMessage } from '../checkinMessage';
import { DeviceIdentity } from '../deviceIdentity';
import { MdmAnswer, OK } from '../mdmAnswer';
import { MdmServiceDeps } from '../mdmServiceDeps';

type SetBootstrapTokenMessage = Extract<
  CheckinMessage,
  { type: 'SetBootstrapToken' }
>;

/** Escrows the Mac's bootstrap token sealed; an empty one clears it. */
export async function setBootstrapToken(
  deps: MdmServiceDeps,
  identity: DeviceIdentity,
  device: Device,
  message: SetBootstrapTokenMessage,
  now: Date,
): Promise<MdmAnswer> {
  await deps.devices.setBootstrapToken(
    device.id,
    message.bootstrapToken.length
      ? deps.sealer.seal(message.bootstrapToken)
      : null,
    identity.sha256,
    now,
  );
  return OK;
}

/** The escrowed bootstrap token, or an empty dictionary when there is none to give. */
export function getBootstrapToken(
  deps: MdmServiceDeps,
  identity: DeviceIdentity,
  device: Device,
): MdmAnswer {
  // Released only to the identity that escrowed it.
  const token =
    device.bootstrapTokenSealed &&
    device.bootstrapTokenSha256 === identity.sha256
      ? deps.sealer.unseal(device.bootstrapTokenSealed)
      : undefined;
  return {
    status: 200,
    body: plist.build(
      (token ? { BootstrapToken: token } : {}) as plist.PlistValue,
    ),
  };
}
