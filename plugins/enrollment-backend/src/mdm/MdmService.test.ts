import { DatabaseSiteStore } from '../database/DatabaseSiteStore';
import { DatabaseInvitationStore } from '../database/DatabaseInvitationStore';
import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '@internal/test-harness';
import { DEFAULT_PORTAL_SETTINGS } from '@macenroll/plugin-enrollment-common';
import { randomBytes } from 'node:crypto';
import { migrated } from '../__testUtils__/stores';
import { DatabaseCertificateStore } from '../database/DatabaseCertificateStore';
import { DatabaseCommandStore } from '../database/DatabaseCommandStore';
import { DatabaseDeviceStore } from '../database/DatabaseDeviceStore';
import { DatabaseEnrollmentStore } from '../database/DatabaseEnrollmentStore';
import { DatabaseEventStore } from '../database/DatabaseEventStore';
import { DatabasePortalAccountStore } from '../database/DatabasePortalAccountStore';
import { DatabaseSettingsStore } from '../database/DatabaseSettingsStore';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { generateCa } from '../pki/generateCa';
import { SecretSealer } from '../pki/SecretSealer';
import { CommandQueue } from './CommandQueue';
import { installAgentCommand } from './commands';
import { DeviceIdentity, IdentityError } from './deviceIdentity';
import { MdmService } from './MdmService';

const databases = createTestDatabases();
const TOPIC = 'com.apple.mgmt.External.test';

describe('MdmService', () => {
  async function setup() {
    const knex = await migrated(await databases.init('SQLITE_3'));
    const ca = CertificateAuthority.fromPem(
      generateCa({ organization: 'Acme' }),
    );
    const enrollments = new DatabaseEnrollmentStore(knex);
    const certificates = new DatabaseCertificateStore(knex);
    const settings = new DatabaseSettingsStore(knex);
    const commands = new DatabaseCommandStore(knex);
    const devices = new DatabaseDeviceStore(knex);
    const pushes: string[] = [];
    const service = new MdmService({
      devices,
      certificates,
      enrollments,
      invitations: new DatabaseInvitationStore(knex),
      sites: new DatabaseSiteStore(knex),
      commands,
      queue: new CommandQueue({
        commands,
        push: { request: async id => void pushes.push(id) },
      }),
      events: new DatabaseEventStore(knex),
      settings,
      portalAccounts: new DatabasePortalAccountStore(knex),
      sealer: new SecretSealer(ca.privateKey, SecretSealer.BOOTSTRAP_TOKENS),
      topic: async () => TOPIC,
      agentCommand: async () =>
        installAgentCommand('https://example.com/agent/manifest.plist'),
      logger: mockServices.logger.mock(),
    });
    /** The identity as verifyDeviceIdentity reads it for each request. */
    // A revoked one is refused there.
    const fresh = async (identity: DeviceIdentity): Promise<DeviceIdentity> => {
      const certificate = (await certificates.findBySha256(identity.sha256))!;
      if (certificate.revokedAt) {
        throw new IdentityError(403, 'The signing certificate was revoked');
      }
      return { sha256: identity.sha256, certificate };
    };
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
    return {
      service,
      devices,
      commands,
      settings,
      certificates,
      identityFor,
      fresh,
      pushes,
    };
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
    const { service, devices, commands, identityFor, pushes } = await setup();
    const identity = await identityFor('alice');
    await service.checkin(identity, authenticate);
    expect(pushes).toEqual([]);
    await service.checkin(identity, tokenUpdate);
    // A Mac does not poll: the first TokenUpdate is followed by a push.
    expect(pushes).toHaveLength(1);
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
    expect(queued[2].payload).not.toContain('InstallAsManaged');
    // The refresh found commands pending and pushed again.
    expect(pushes).toHaveLength(2);
  });

  it('gives no agent to a Mac older than 10.13.6', async () => {
    const { service, devices, commands, identityFor } = await setup();
    const identity = await identityFor('alice');
    await service.checkin(identity, { ...authenticate, osVersion: '10.13.5' });
    await service.checkin(identity, tokenUpdate);
    const device = (await devices.findByUdid('U1'))!;
    expect((await commands.list(device.id)).map(c => c.requestType)).toEqual([
      'DeviceInformation',
      'SecurityInfo',
    ]);
  });

  it("refuses one Mac's identity for another Mac's UDID and keeps the victim's bootstrap token", async () => {
    const { service, devices, identityFor, fresh } = await setup();
    const victim = await identityFor('alice');
    await service.checkin(victim, authenticate);
    await service.checkin(await fresh(victim), tokenUpdate);
    await service.checkin(await fresh(victim), {
      type: 'SetBootstrapToken',
      udid: 'U1',
      bootstrapToken: Buffer.from('secret bootstrap'),
    } as any);

    // The attacker enrolled their own Mac, then claims the victim's UDID.
    const attacker = await identityFor('mallory');
    await service.checkin(attacker, { ...authenticate, udid: 'U2' });
    await expect(
      service.checkin(await fresh(attacker), authenticate),
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('belongs to another Mac'),
    });
    await expect(
      service.checkin(await fresh(attacker), {
        type: 'GetBootstrapToken',
        udid: 'U1',
      } as any),
    ).rejects.toMatchObject({ status: 403 });
    // The victim still speaks for its Mac and gets its token back.
    const got = await service.checkin(await fresh(victim), {
      type: 'GetBootstrapToken',
      udid: 'U1',
    } as any);
    expect(got.body).toContain(
      Buffer.from('secret bootstrap').toString('base64'),
    );
    expect((await devices.findByUdid('U1'))!.certificateSha256).toBe(
      victim.sha256,
    );
  });

  it('a re-enrollment revokes the old identity and clears queue, push token and bootstrap token', async () => {
    const { service, devices, commands, certificates, identityFor, fresh } =
      await setup();
    const first = await identityFor('alice');
    await service.checkin(first, authenticate);
    await service.checkin(await fresh(first), tokenUpdate);
    await service.checkin(await fresh(first), {
      type: 'SetBootstrapToken',
      udid: 'U1',
      bootstrapToken: Buffer.from('old token'),
    } as any);
    const device = (await devices.findByUdid('U1'))!;
    expect(await commands.hasPending(device.id)).toBe(true);

    const second = await identityFor('alice');
    await service.checkin(second, authenticate);
    expect((await certificates.findBySha256(first.sha256))!.revokedAt).toEqual(
      expect.any(Date),
    );
    const after = (await devices.findByUdid('U1'))!;
    expect(after.bootstrapTokenSealed).toBeUndefined();
    expect(await devices.pushTarget(device.id)).toBeUndefined();
    expect(await commands.hasPending(device.id)).toBe(false);
    expect((await commands.history(device.id))[0]).toMatchObject({
      status: 'error',
      error: expect.stringContaining('enrolled again'),
    });
    const got = await service.checkin(await fresh(second), {
      type: 'GetBootstrapToken',
      udid: 'U1',
    } as any);
    expect(got.body).not.toContain('BootstrapToken');
  });

  it('a renewal identity issued for the computer takes over and the old one is revoked', async () => {
    const { service, devices, certificates, identityFor, fresh } =
      await setup();
    const first = await identityFor('alice');
    await service.checkin(first, authenticate);
    await service.checkin(await fresh(first), tokenUpdate);
    const device = (await devices.findByUdid('U1'))!;
    await service.checkin(await fresh(first), {
      type: 'SetBootstrapToken',
      udid: 'U1',
      bootstrapToken: Buffer.from('kept'),
    } as any);

    // SCEP issued the renewal identity for this computer (renewal challenge).
    const renewed = await identityFor('alice');
    await certificates.bindComputer(renewed.sha256, device.id);
    // An unrelated new identity cannot do the same.
    const stranger = await identityFor('mallory');
    await expect(
      service.connect(await fresh(stranger), { UDID: 'U1', Status: 'Idle' }),
    ).rejects.toMatchObject({ status: 403 });

    await service.connect(await fresh(renewed), { UDID: 'U1', Status: 'Idle' });
    expect((await devices.findByUdid('U1'))!.certificateSha256).toBe(
      renewed.sha256,
    );
    expect((await certificates.findBySha256(first.sha256))!.revokedAt).toEqual(
      expect.any(Date),
    );
    await expect(fresh(first)).rejects.toMatchObject({ status: 403 });
    // Even unrevoked, the replaced identity cannot take the Mac back.
    await expect(
      service.connect(first, { UDID: 'U1', Status: 'Idle' }),
    ).rejects.toMatchObject({ status: 403 });
    // The bootstrap token follows the Mac to its renewed identity.
    const got = await service.checkin(await fresh(renewed), {
      type: 'GetBootstrapToken',
      udid: 'U1',
    } as any);
    expect(got.body).toContain(Buffer.from('kept').toString('base64'));
  });

  it('keeps one record when a known Mac enrolls again, unless re-enrollment is off', async () => {
    const { service, devices, settings, identityFor, fresh } = await setup();
    const first = await identityFor('alice');
    await service.checkin(first, authenticate);
    await service.checkin(await fresh(first), tokenUpdate);
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

    await service.checkin(await fresh(second), tokenUpdate);
    await settings.save(
      { ...DEFAULT_PORTAL_SETTINGS, allowReenrollment: false },
      'admin',
    );
    const third = await identityFor('carol');
    await expect(service.checkin(third, authenticate)).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('re-enrollment is turned off'),
    });
    // The refused Mac did not use carol's enrollment up: her own Mac enrolls.
    await service.checkin(third, { ...authenticate, udid: 'U2' });
    expect((await devices.findByUdid('U2'))?.certificateSha256).toBe(
      third.sha256,
    );
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
