import { Device } from '../../database/DeviceStore';
import { CheckinMessage } from '../checkinMessage';
import { DeviceIdentity } from '../deviceIdentity';
import { MdmAnswer, OK } from '../mdmAnswer';
import { macLabel } from '../macLabel';
import { MdmServiceDeps } from '../mdmServiceDeps';

type CheckOutMessage = Extract<CheckinMessage, { type: 'CheckOut' }>;

/** The Mac removed its management profile. */
export async function checkOut(
  deps: MdmServiceDeps,
  identity: DeviceIdentity,
  device: Device,
  _message: CheckOutMessage,
  now: Date,
): Promise<MdmAnswer> {
  // One transaction: the Mac is out exactly when its event says so.
  const apply = (tx: MdmServiceDeps) =>
    applyCheckOut(tx, identity, device, now);
  return deps.atomically ? deps.atomically(apply) : apply(deps);
}

async function applyCheckOut(
  deps: MdmServiceDeps,
  identity: DeviceIdentity,
  device: Device,
  now: Date,
): Promise<MdmAnswer> {
  await deps.devices.checkOut(device.id, now);
  // The identity is of no further use; a re-enrollment gets a new one.
  await deps.certificates.revoke(identity.sha256, now);
  await deps.events.record({
    type: 'mdm.checked-out',
    computerId: device.id,
    message: `${macLabel(device)} removed its management profile`,
  });
  await deps.outbound?.computer(['computer.unenrolled'], device.id, now);
  return OK;
}
