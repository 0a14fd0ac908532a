import { randomBytes, randomUUID } from 'node:crypto';
import { ComputerUser } from '@macenroll/plugin-enrollment-common';
import { EnrollmentStores } from '../database/createEnrollmentStores';

/**
 * Seeds a Mac through the stores the MDM check-ins write with: a portal
 * enrollment, Authenticate, then TokenUpdate and CheckOut as `status` asks.
 */
export async function seedMac(
  stores: EnrollmentStores,
  mac: {
    serialNumber: string;
    user: ComputerUser;
    status: 'enrolling' | 'enrolled' | 'unenrolled';
    siteId?: string;
  },
): Promise<string> {
  const now = new Date();
  const enrollment = await stores.enrollments.create({
    sessionIdHash: randomUUID(),
    keepExistingSite: false,
    loginKind: 'ldap',
    loginName: mac.user.username,
    user: mac.user,
    siteId: mac.siteId,
    platform: 'macOS',
    createdAt: now,
    expiresAt: new Date(now.getTime() + 3600_000),
  });
  const device = await stores.devices.authenticate({
    udid: `UDID-${mac.serialNumber}`,
    certificateSha256: randomBytes(32).toString('hex'),
    enrollment,
    device: {
      serialNumber: mac.serialNumber,
      name: `Mac ${mac.serialNumber}`,
      model: 'MacBook Air',
      osVersion: '15.1',
    },
    topic: 'com.apple.mgmt.External.test',
    now,
  });
  if (mac.status !== 'enrolling') {
    await stores.devices.tokenUpdate({
      deviceId: device.id,
      token: randomBytes(32),
      pushMagic: 'magic',
      now,
    });
  }
  if (mac.status === 'unenrolled')
    await stores.devices.checkOut(device.id, now);
  return device.id;
}
