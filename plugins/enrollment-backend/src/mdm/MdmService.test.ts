import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '@internal/test-harness';
import { DEFAULT_PORTAL_SETTINGS } from '@macenroll/plugin-enrollment-common';
import { randomBytes } from 'node:crypto';
import { migrated } from '../__testUtils__/stores';
import { CertificateStore } from '../database/CertificateStore';
import { CommandStore } from '../database/CommandStore';
import { DeviceStore } from '../database/DeviceStore';
import { EnrollmentStore } from '../database/EnrollmentStore';
import { EventStore } from '../database/EventStore';
import { SettingsStore } from '../database/SettingsStore';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { generateCa } from '../pki/generateCa';
import { BootstrapTokenSealer } from './bootstrapToken';
import { MdmService } from './MdmService';

const databases = createTestDatabases();
const TOPIC = 'com.apple.mgmt.External.test';

describe('MdmService', () => {
  async function setup() {
    const knex = await migrated(await databases.init('SQLITE_3'));
    const ca = CertificateAuthority.fromPem(
      generateCa({ organization: 'Acme' }),
    );
    const enrollments = new EnrollmentStore(knex);
    const certificates = new CertificateStore(knex);
    const settings = new SettingsStore(knex);
    const commands = new CommandStore(knex);
    const devices = new DeviceStore(knex);
    const service = new MdmService({
      devices,
      certificates,
      enrollments,
      commands,
      events: new EventStore(knex),
      settings,
      sealer: new BootstrapTokenSealer(ca.privateKey),
      topic: TOPIC,
      agentManifestUrl: 'https://example.com/agent/manifest.plist',
      logger: mockServices.logger.mock(),
    });
    /** An enrollment from the portal and an identity SCEP issued for it. */
    const identityFor = async (user: string) => {
      const now = new Date();
      const enrollment = await enrollments.create({
        sessionIdHash: 'h',
        keepExistingSite: false,
        loginKind: 'ldap',
        loginName: user,
        user: { username: user },
        platform: 'mac-modern',
        createdAt: now,
        expiresAt: new Date(now.getTime() + 3600_000),
      });
      const sha256 = randomBytes(32).toString('hex');
      await certificates.record({
        serialNumber: randomBytes(8).toString('hex'),
        enrollmentId: enrollment.id,
        subject: `CN=${user}`,
        notBefore: now,
        notAfter: new Date(now.getTime() + 86_400_000),
        sha256,
        certificateDer: Buffer.from('x'),
      });
      return {
        sha256,
        certificate: (await certificates.findBySha256(sha256))!,
      };
    };
    return { service, devices, commands, settings, identityFor };
  }

  const authenticate = {
    type: 'Authenticate' as const,
    udid: 'U1',
    topic: TOPIC,
    serialNumber: 'S1',
  };
  const tokenUpdate = {
    type: 'TokenUpdate' as const,
    udid: 'U1',
    topic: TOPIC,
    token: Buffer.from('t'),
    pushMagic: 'm',
  };

  it('queues DeviceInformation, SecurityInfo and the agent on the first TokenUpdate only', async () => {
    const { service, devices, commands, identityFor } = await setup();
    const identity = await identityFor('alice');
    await service.checkin(identity, authenticate);
    await service.checkin(identity, tokenUpdate);
    await service.checkin(identity, tokenUpdate); // token refreshes queue nothing new
    const device = (await devices.findByUdid('U1'))!;
    const queued = await commands.list(device.id);
    expect(queued.map(c => c.requestType)).toEqual([
      'DeviceInformation',
      'SecurityInfo',
      'InstallEnterpriseApplication',
    ]);
    expect(queued[2].payload).toContain(
      'https://example.com/agent/manifest.plist',
    );
  });

  it('keeps one record when a known Mac enrolls again, unless re-enrollment is off', async () => {
    const { service, devices, settings, identityFor } = await setup();
    const first = await identityFor('alice');
    await service.checkin(first, authenticate);
    await service.checkin(first, tokenUpdate);
    const before = (await devices.findByUdid('U1'))!;

    const second = await identityFor('bob');
    await service.checkin(second, authenticate);
    const after = (await devices.findByUdid('U1'))!;
    expect(after.id).toBe(before.id);
    expect(after.certificateSha256).toBe(second.sha256);
    // The old identity no longer speaks for this Mac.
    await expect(service.checkin(first, tokenUpdate)).rejects.toMatchObject({
      status: 403,
    });

    await service.checkin(second, tokenUpdate);
    await settings.save(
      { ...DEFAULT_PORTAL_SETTINGS, allowReenrollment: false },
      'admin',
    );
    const third = await identityFor('carol');
    await expect(service.checkin(third, authenticate)).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('re-enrollment is turned off'),
    });
  });

  it('refuses a check-in for another push topic', async () => {
    const { service, identityFor } = await setup();
    await expect(
      service.checkin(await identityFor('alice'), {
        ...authenticate,
        topic: 'com.apple.mgmt.Other',
      }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
