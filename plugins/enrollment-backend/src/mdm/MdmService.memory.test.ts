import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mockServices } from '@backstage/backend-test-utils';
import plist from 'plist';
import { memoryMdmStores } from '../__testUtils__/memoryStores';
import { CommandBody } from '../database/CommandStore';
import { SecretSealer } from '../pki/SecretSealer';
import { CommandQueue } from './CommandQueue';
import { installAgentCommand } from './commands';
import { DeviceIdentity } from './deviceIdentity';
import { MdmService } from './MdmService';

const TOPIC = 'com.apple.mgmt.External.test';
const UDID = '0000FE00-5A2B-4C1D-9E8F-0123456789AB';
const MANIFEST = 'https://example.com/agent/manifest.plist';

/** MdmService on in-memory stores: the check-in and command protocol alone. */
describe('MdmService with in-memory stores', () => {
  function setup() {
    const stores = memoryMdmStores();
    const pushes: string[] = [];
    const agentCommand = jest.fn(async () => installAgentCommand(MANIFEST));
    let now = new Date('2026-03-02T09:00:00Z');
    const service = new MdmService({
      ...stores,
      queue: new CommandQueue({
        commands: stores.commands,
        push: { request: async id => void pushes.push(id) },
      }),
      // Any private key will do: the sealer only derives its key from it.
      sealer: new SecretSealer(
        generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
        SecretSealer.BOOTSTRAP_TOKENS,
      ),
      topic: async () => TOPIC,
      agentCommand,
      logger: mockServices.logger.mock(),
      clock: () => now,
    });
    /** Moves the clock on, as between the Mac's requests. */
    const later = (ms = 1000) => {
      now = new Date(now.getTime() + ms);
      return now;
    };

    /** What the portal and SCEP leave behind: an enrollment and its identity. */
    const enrolledIdentity = async (
      invitation: { invitationId?: string; recipientId?: number } = {},
    ): Promise<DeviceIdentity> => {
      const enrollment = await stores.enrollments.create({
        ...invitation,
        sessionIdHash: 'session',
        keepExistingSite: false,
        loginKind: 'local',
        loginName: 'alice',
        user: { username: 'alice', realName: 'Alice Example' },
        platform: 'mac-modern',
        createdAt: now,
        expiresAt: new Date(now.getTime() + 3600_000),
      });
      const sha256 = randomBytes(32).toString('hex');
      await stores.certificates.record({
        serialNumber: '0a1b',
        enrollmentId: enrollment.id,
        subject: 'CN=Alice Example',
        notBefore: now,
        notAfter: new Date(now.getTime() + 365 * 86_400_000),
        sha256,
        certificateDer: Buffer.from('der'),
      });
      return {
        sha256,
        certificate: (await stores.certificates.findBySha256(sha256))!,
      };
    };
    return { service, stores, pushes, later, enrolledIdentity, agentCommand };
  }

  /** The command an answer carries, as the Mac reads it. */
  function commandIn(answer: {
    status: number;
    body?: string;
  }): CommandBody & { uuid: string } {
    expect(answer.status).toBe(200);
    const parsed = plist.parse(answer.body!) as {
      CommandUUID: string;
      Command: CommandBody;
    };
    return { uuid: parsed.CommandUUID, ...parsed.Command };
  }

  it("counts one use of the enrollment's invitation when its Mac first checks in, not before and not again", async () => {
    const { service, stores, enrolledIdentity, agentCommand } = setup();
    const identity = await enrolledIdentity({
      invitationId: 'inv-1',
      recipientId: 7,
    });
    const { enrollmentId } = identity.certificate;
    await service.checkin(identity, {
      type: 'Authenticate',
      udid: UDID,
      topic: TOPIC,
      serialNumber: 'C02XG0FDH7JY',
      deviceName: 'Alice’s Mac',
      model: 'MacBookPro18,3',
      osVersion: '14.5',
    });
    expect(stores.invitations.recorded).toEqual([]);
    const tokenUpdate = {
      type: 'TokenUpdate' as const,
      udid: UDID,
      topic: TOPIC,
      token: randomBytes(32),
      pushMagic: 'magic-1',
    };
    await service.checkin(identity, tokenUpdate);
    await service.checkin(identity, { ...tokenUpdate, pushMagic: 'magic-2' });
    // The agent's package is looked up for the enrollment, not every token.
    expect(agentCommand).toHaveBeenCalledTimes(1);
    expect(stores.invitations.recorded).toEqual([
      { invitationId: 'inv-1', recipientId: 7, enrollmentId },
    ]);
    // The activity names the Mac and the macOS it reported, not its UDID,
    // and the enrollment is in the invitation's activity.
    expect(
      stores.events.events
        .filter(e => e.type.startsWith('mdm.'))
        .map(e => [e.message, e.invitationId]),
    ).toEqual([
      [
        'Alice’s Mac (MacBookPro18,3, macOS 14.5, C02XG0FDH7JY) is installing the management profile',
        'inv-1',
      ],
      [
        'Alice’s Mac (MacBookPro18,3, macOS 14.5, C02XG0FDH7JY) enrolled',
        'inv-1',
      ],
    ]);
  });

  it('enrolls a Mac through Authenticate and TokenUpdate, then serves and records its commands', async () => {
    const { service, stores, pushes, later, enrolledIdentity } = setup();
    const identity = await enrolledIdentity();
    const { enrollmentId } = identity.certificate;

    // Authenticate: the identity is bound to the Mac, the enrollment claimed.
    expect(
      await service.checkin(identity, {
        type: 'Authenticate',
        udid: UDID,
        topic: TOPIC,
        serialNumber: 'C02XG0FDH7JY',
        deviceName: 'Alice’s Mac',
        model: 'MacBookPro18,3',
        osVersion: '14.5',
      }),
    ).toEqual({ status: 200 });
    const device = (await stores.devices.findByUdid(UDID))!;
    expect(device).toMatchObject({
      status: 'enrolling',
      certificateSha256: identity.sha256,
      enrollmentId,
      osVersion: '14.5',
    });
    expect(
      (await stores.certificates.findBySha256(identity.sha256))!.computerId,
    ).toBe(device.id);
    expect((await stores.enrollments.get(enrollmentId))!.udid).toBe(UDID);
    // Not enrolled until the first TokenUpdate: no commands, no push.
    await expect(
      service.connect(identity, { UDID, Status: 'Idle' }),
    ).resolves.toMatchObject({ status: 400 });
    expect(await stores.commands.hasPending(device.id)).toBe(false);
    expect(pushes).toEqual([]);

    // TokenUpdate: enrolled, the token kept, inventory and agent queued, a push.
    const token = randomBytes(32);
    const enrolledAt = later();
    expect(
      await service.checkin(identity, {
        type: 'TokenUpdate',
        udid: UDID,
        topic: TOPIC,
        token,
        pushMagic: 'magic-1',
      }),
    ).toEqual({ status: 200 });
    expect(await stores.devices.findById(device.id)).toMatchObject({
      status: 'enrolled',
      enrolledAt,
    });
    const target = (await stores.devices.pushTarget(device.id))!;
    expect(target.token.equals(token)).toBe(true);
    expect(target.pushMagic).toBe('magic-1');
    expect((await stores.enrollments.get(enrollmentId))!.completedAt).toEqual(
      enrolledAt,
    );
    expect(
      (await stores.commands.list(device.id)).map(c => c.requestType),
    ).toEqual([
      'DeviceInformation',
      'SecurityInfo',
      'InstallEnterpriseApplication',
    ]);
    expect(pushes).toEqual([device.id]);
    expect(stores.events.types()).toEqual(['mdm.authenticate', 'mdm.enrolled']);

    // Idle: the oldest command goes out.
    const info = commandIn(
      await service.connect(identity, { UDID, Status: 'Idle' }),
    );
    expect(info.RequestType).toBe('DeviceInformation');
    expect(info.Queries).toContain('SerialNumber');

    // Its answer is recorded and applied; the next command comes with it.
    const answeredAt = later();
    const security = commandIn(
      await service.connect(identity, {
        UDID,
        Status: 'Acknowledged',
        CommandUUID: info.uuid,
        QueryResponses: {
          DeviceName: 'Alice’s MacBook Pro',
          ModelName: 'MacBook Pro',
          OSVersion: '14.6.1',
          BuildVersion: '23G93',
          SerialNumber: 'C02XG0FDH7JY',
        },
      }),
    );
    expect(await stores.commands.get(device.id, info.uuid)).toMatchObject({
      status: 'acknowledged',
      answeredAt: answeredAt.toISOString(),
    });
    expect(stores.devices.inspect(UDID)).toMatchObject({
      name: 'Alice’s MacBook Pro',
      model: 'MacBook Pro',
      osVersion: '14.6.1',
      buildVersion: '23G93',
      lastSeenAt: answeredAt,
    });
    expect(security.RequestType).toBe('SecurityInfo');

    const agent = commandIn(
      await service.connect(identity, {
        UDID,
        Status: 'Acknowledged',
        CommandUUID: security.uuid,
        SecurityInfo: { ManagementStatus: { UserApprovedEnrollment: true } },
      }),
    );
    expect((await stores.devices.findById(device.id))!.userApproved).toBe(true);
    expect(agent).toMatchObject({
      RequestType: 'InstallEnterpriseApplication',
      ManifestURL: MANIFEST,
    });

    // NotNow: nothing more now; the command comes back at the next Idle.
    expect(
      await service.connect(identity, {
        UDID,
        Status: 'NotNow',
        CommandUUID: agent.uuid,
      }),
    ).toEqual({ status: 200 });
    expect((await stores.commands.get(device.id, agent.uuid))!.status).toBe(
      'notnow',
    );
    const again = commandIn(
      await service.connect(identity, { UDID, Status: 'Idle' }),
    );
    expect(again.uuid).toBe(agent.uuid);

    // An error is kept with the Mac's words; then the queue is empty.
    expect(
      await service.connect(identity, {
        UDID,
        Status: 'Error',
        CommandUUID: agent.uuid,
        ErrorChain: [
          {
            ErrorDomain: 'MCInstallationErrorDomain',
            ErrorCode: 4001,
            LocalizedDescription: 'The package could not be downloaded.',
          },
        ],
      }),
    ).toEqual({ status: 200 });
    expect(await stores.commands.get(device.id, agent.uuid)).toMatchObject({
      status: 'error',
      error:
        'The package could not be downloaded. (MCInstallationErrorDomain 4001)',
    });
    expect(await stores.commands.hasPending(device.id)).toBe(false);
  });

  it('starts the queue over when the Mac authenticates again, and refuses an identity that is not bound to it', async () => {
    const { service, stores, enrolledIdentity } = setup();
    const first = await enrolledIdentity();
    const authenticate = {
      type: 'Authenticate' as const,
      udid: UDID,
      topic: TOPIC,
    };
    await service.checkin(first, authenticate);
    await service.checkin(first, {
      type: 'TokenUpdate',
      udid: UDID,
      topic: TOPIC,
      token: randomBytes(32),
      pushMagic: 'magic-1',
    });
    const device = (await stores.devices.findByUdid(UDID))!;
    expect(await stores.commands.hasPending(device.id)).toBe(true);

    // Another identity that never authenticated as this Mac is refused.
    const stranger = await enrolledIdentity();
    await expect(
      service.connect(stranger, { UDID, Status: 'Idle' }),
    ).rejects.toMatchObject({ status: 403 });

    // Re-enrollment: same record, new identity, the old one revoked, the
    // pending commands closed and the push token gone until a TokenUpdate.
    const second = await enrolledIdentity();
    await service.checkin(second, authenticate);
    const after = (await stores.devices.findByUdid(UDID))!;
    expect(after).toMatchObject({
      id: device.id,
      status: 'enrolling',
      certificateSha256: second.sha256,
    });
    expect(
      (await stores.certificates.findBySha256(first.sha256))!.revokedAt,
    ).toEqual(expect.any(Date));
    expect(await stores.commands.hasPending(device.id)).toBe(false);
    expect((await stores.commands.history(device.id))[0]).toMatchObject({
      status: 'error',
      error: expect.stringContaining('enrolled again'),
    });
    expect(await stores.devices.pushTarget(device.id)).toBeUndefined();
  });
});
