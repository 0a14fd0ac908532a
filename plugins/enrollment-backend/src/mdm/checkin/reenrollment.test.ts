import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import {
  ComputerUser,
  DEFAULT_PORTAL_SETTINGS,
  ReenrollmentSettings,
} from '@macenroll/plugin-enrollment-common';
import { migrated } from '../../__testUtils__/stores';
import { DatabaseCertificateStore } from '../../database/DatabaseCertificateStore';
import { DatabaseCommandStore } from '../../database/DatabaseCommandStore';
import { DatabaseDeviceStore } from '../../database/DatabaseDeviceStore';
import { DatabaseEnrollmentStore } from '../../database/DatabaseEnrollmentStore';
import { DatabaseEventStore } from '../../database/DatabaseEventStore';
import { DatabaseInvitationStore } from '../../database/DatabaseInvitationStore';
import { DatabasePortalAccountStore } from '../../database/DatabasePortalAccountStore';
import { DatabaseSettingsStore } from '../../database/DatabaseSettingsStore';
import { DatabaseSiteStore } from '../../database/DatabaseSiteStore';
import { CommandOutcome } from '../../database/CommandStore';
import { SecretSealer } from '../../pki/SecretSealer';
import { CommandQueue } from '../CommandQueue';
import { DeviceIdentity } from '../deviceIdentity';
import { MdmService } from '../MdmService';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const TOPIC = 'com.apple.mgmt.External.test';
const UDID = 'RE-ENROLL-U1';
const ALICE: ComputerUser = {
  username: 'alice',
  realName: 'Alice Archer',
  email: 'alice@example.com',
  building: 'HQ',
  room: '4.12',
};
const BOB: ComputerUser = { username: 'bob', realName: 'Bob Baker' };

describe.each(testDatabaseIds(databases))('re-enrollment on %s', id => {
  async function setup(rules: Partial<ReenrollmentSettings> = {}) {
    const knex = await migrated(await databases.init(id));
    const enrollments = new DatabaseEnrollmentStore(knex);
    const certificates = new DatabaseCertificateStore(knex);
    const settings = new DatabaseSettingsStore(knex);
    const commands = new DatabaseCommandStore(knex);
    const devices = new DatabaseDeviceStore(knex);
    const events = new DatabaseEventStore(knex);
    const accounts = new DatabasePortalAccountStore(knex);
    const service = new MdmService({
      devices,
      certificates,
      enrollments,
      invitations: new DatabaseInvitationStore(knex),
      sites: new DatabaseSiteStore(knex),
      commands,
      queue: new CommandQueue({ commands, push: { request: async () => {} } }),
      events,
      settings,
      portalAccounts: accounts,
      // Any private key will do: the sealer only derives its key from it.
      sealer: new SecretSealer(
        generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
        SecretSealer.BOOTSTRAP_TOKENS,
      ),
      topic: async () => TOPIC,
      agentCommand: async () => undefined,
      logger: mockServices.logger.mock(),
    });
    const setRules = (change: Partial<ReenrollmentSettings>) =>
      settings.save(
        {
          ...DEFAULT_PORTAL_SETTINGS,
          reenrollment: { ...DEFAULT_PORTAL_SETTINGS.reenrollment, ...change },
        },
        'test',
      );
    await setRules(rules);

    /** A portal enrollment and the identity SCEP issued for it. */
    const identityFor = async (login: {
      kind: 'ldap' | 'local' | 'none';
      name?: string;
      user?: ComputerUser;
    }): Promise<DeviceIdentity> => {
      const now = new Date();
      const enrollment = await enrollments.create({
        sessionIdHash: 'h',
        keepExistingSite: false,
        loginKind: login.kind,
        loginName: login.name,
        user: login.user ?? {},
        platform: 'mac-modern',
        createdAt: now,
        expiresAt: new Date(now.getTime() + 3600_000),
      });
      const sha256 = randomBytes(32).toString('hex');
      await certificates.record({
        serialNumber: randomBytes(8).toString('hex'),
        enrollmentId: enrollment.id,
        subject: `CN=${login.name ?? 'nobody'}`,
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
    const authenticate = (identity: DeviceIdentity) =>
      service.checkin(identity, {
        type: 'Authenticate',
        udid: UDID,
        topic: TOPIC,
        serialNumber: 'C02RE0000001',
        deviceName: 'Work Mac',
      });
    /** Authenticate and TokenUpdate, with the identity as SCEP left it. */
    const enroll = async (identity: DeviceIdentity) => {
      const fresh = (await certificates.findBySha256(identity.sha256))!;
      const who = { sha256: identity.sha256, certificate: fresh };
      expect(await authenticate(who)).toEqual({ status: 200 });
      expect(
        await service.checkin(who, {
          type: 'TokenUpdate',
          udid: UDID,
          topic: TOPIC,
          token: randomBytes(8),
          pushMagic: 'magic',
        }),
      ).toEqual({ status: 200 });
    };
    const aliceIdentity = () =>
      identityFor({ kind: 'ldap', name: 'alice', user: ALICE });
    const bobIdentity = () =>
      identityFor({ kind: 'ldap', name: 'bob', user: BOB });
    const device = async () => (await devices.findByUdid(UDID))!;
    const userRow = async () =>
      knex('enrollment_computers')
        .where({ udid: UDID })
        .first(
          'user_username',
          'user_real_name',
          'user_email',
          'user_building',
          'user_room',
        );
    const history = async () =>
      (await commands.list((await device()).id))
        .map(c => `${c.requestType} ${c.status}`)
        .sort();
    return {
      knex,
      service,
      devices,
      commands,
      certificates,
      enrollments,
      events,
      accounts,
      setRules,
      identityFor,
      authenticate,
      enroll,
      aliceIdentity,
      bobIdentity,
      device,
      userRow,
      history,
    };
  }

  /**
   * Alice's Mac with a history of each kind: acknowledged, failed, put
   * off (NotNow) and never sent, inventory queries among them. Its
   * re-enrollment is checked after Authenticate: the TokenUpdate that
   * follows queues the new enrollment's first commands.
   */
  async function aliceMacWithHistory(rules: Partial<ReenrollmentSettings>) {
    const t = await setup();
    await t.enroll(await t.aliceIdentity());
    const { id: deviceId } = await t.device();
    await t.commands.forgetHistory(deviceId, 'everything');
    const now = new Date();
    const answer = async (RequestType: string, outcome?: CommandOutcome) => {
      const queued = await t.commands.enqueue(deviceId, { RequestType }, now);
      if (outcome) {
        await t.commands.recordResult(
          deviceId,
          queued.commandUuid,
          outcome,
          '<plist/>',
          now,
          outcome === 'error' ? 'failed' : undefined,
        );
      }
    };
    await answer('RestartDevice', 'acknowledged');
    await answer('DeviceLock', 'error');
    await answer('DeviceInformation', 'acknowledged');
    await answer('SecurityInfo', 'error');
    await answer('ProfileList', 'notnow');
    await answer('RemoveProfile');
    await t.setRules(rules);
    return t;
  }

  describe('restricted to authorized users', () => {
    it("refuses another user at Authenticate, writing nothing but the refusal's event", async () => {
      const t = await setup({ restrictToAuthorizedUsers: true });
      const alice = await t.aliceIdentity();
      await t.enroll(alice);
      const before = await t.device();
      const historyBefore = await t.history();

      const bob = await t.bobIdentity();
      await expect(t.authenticate(bob)).rejects.toMatchObject({
        status: 403,
        message: expect.stringContaining('recorded as another person'),
      });
      expect(await t.device()).toEqual(before);
      expect(await t.history()).toEqual(historyBefore);
      // Bob's enrollment is not used up, his identity bound to no Mac,
      // alice's identity not revoked.
      expect(
        (await t.enrollments.get(bob.certificate.enrollmentId))!.udid,
      ).toBeUndefined();
      expect(
        (await t.certificates.findBySha256(bob.sha256))!.computerId,
      ).toBeUndefined();
      expect(
        (await t.certificates.findBySha256(alice.sha256))!.revokedAt,
      ).toBeUndefined();
      const { items } = await t.events.list({ offset: 0, limit: 50 });
      const refused = items.filter(e => e.type === 'mdm.reenrollment-refused');
      expect(refused).toEqual([
        expect.objectContaining({
          actor: 'bob',
          computerId: before.id,
          message: expect.stringMatching(
            /^Work Mac .* was not re-enrolled: it is recorded as alice's, and bob may not re-enroll it/,
          ),
          data: {
            udid: UDID,
            recordedUser: 'alice',
            attemptedBy: 'bob',
            loginKind: 'ldap',
          },
        }),
      ]);
    });

    it('accepts the recorded user in any case, also once the Mac is unenrolled', async () => {
      const t = await setup({ restrictToAuthorizedUsers: true });
      await t.enroll(await t.aliceIdentity());
      await t.devices.checkOut((await t.device()).id, new Date());
      expect((await t.device()).status).toBe('unenrolled');
      // Refused for bob though the Mac is unenrolled: it is still known.
      await expect(t.authenticate(await t.bobIdentity())).rejects.toMatchObject(
        { status: 403 },
      );
      await t.enroll(
        await t.identityFor({
          kind: 'ldap',
          name: 'ALICE',
          user: { ...ALICE, username: 'Alice' },
        }),
      );
      expect(await t.device()).toMatchObject({
        status: 'enrolled',
        username: 'Alice',
      });
    });

    it('accepts an enabled local portal account with the privilege, and no one else by its name', async () => {
      const t = await setup({ restrictToAuthorizedUsers: true });
      await t.enroll(await t.aliceIdentity());
      await t.accounts.create('helpdesk', 'hash');
      const helpdesk = () => t.identityFor({ kind: 'local', name: 'helpdesk' });

      await expect(t.authenticate(await helpdesk())).rejects.toMatchObject({
        status: 403,
      });
      await t.accounts.update('helpdesk', { mayReenrollAnyMac: true });
      await t.accounts.update('helpdesk', { disabled: true });
      await expect(t.authenticate(await helpdesk())).rejects.toMatchObject({
        status: 403,
      });
      // The privilege is the local account's: a directory user of that name has none.
      await t.accounts.update('helpdesk', { disabled: false });
      await expect(
        t.authenticate(
          await t.identityFor({
            kind: 'ldap',
            name: 'helpdesk',
            user: { username: 'helpdesk' },
          }),
        ),
      ).rejects.toMatchObject({ status: 403 });
      // Nor does an enrollment without a login.
      await expect(
        t.authenticate(await t.identityFor({ kind: 'none' })),
      ).rejects.toMatchObject({ status: 403 });

      await t.enroll(await helpdesk());
      expect((await t.device()).status).toBe('enrolled');
      expect((await t.accounts.list())[0]).toMatchObject({
        username: 'helpdesk',
        mayReenrollAnyMac: true,
      });
    });

    it('lets config accounts hold the privilege, which a config sync keeps', async () => {
      const t = await setup();
      await t.accounts.syncFromConfig([
        { username: 'enroll', passwordHash: 'h' },
      ]);
      await expect(
        t.accounts.update('enroll', { disabled: true }),
      ).rejects.toThrow(/app-config/);
      await t.accounts.update('enroll', { mayReenrollAnyMac: true });
      await t.accounts.syncFromConfig([
        { username: 'enroll', passwordHash: 'h2' },
      ]);
      expect(await t.accounts.mayReenrollAnyMac('enroll')).toBe(true);
      expect(await t.accounts.mayReenrollAnyMac('nobody')).toBe(false);
    });

    it('does not apply to the same enrollment authenticating again, nor when off', async () => {
      const t = await setup({ restrictToAuthorizedUsers: true });
      const alice = await t.aliceIdentity();
      await t.enroll(alice);
      await t.enroll(alice);
      await t.setRules({ restrictToAuthorizedUsers: false });
      await t.enroll(await t.bobIdentity());
      expect((await t.device()).username).toBe('bob');
    });
  });

  describe('what re-enrollment clears', () => {
    const ended = 'error'; // pending commands Authenticate ended
    it.each([
      [
        'nothing',
        [
          'DeviceInformation acknowledged',
          'DeviceLock error',
          `ProfileList ${ended}`,
          `RemoveProfile ${ended}`,
          'RestartDevice acknowledged',
          'SecurityInfo error',
        ],
      ],
      [
        'errors',
        [
          'DeviceInformation acknowledged',
          `ProfileList ${ended}`,
          `RemoveProfile ${ended}`,
          'RestartDevice acknowledged',
        ],
      ],
      [
        'all-but-acknowledged',
        ['DeviceInformation acknowledged', 'RestartDevice acknowledged'],
      ],
      ['everything', []],
    ] as const)(
      'commands: %s leaves exactly the right history',
      async (clearCommands, left) => {
        const t = await aliceMacWithHistory({ clearCommands });
        await t.authenticate(await t.bobIdentity());
        expect(await t.history()).toEqual(left);
      },
    );

    it('clears the history only on a re-enrollment, not when the same enrollment authenticates again', async () => {
      const t = await setup();
      const alice = await t.aliceIdentity();
      await t.enroll(alice);
      const { id: deviceId } = await t.device();
      const queued = await t.commands.enqueue(
        deviceId,
        { RequestType: 'DeviceInformation' },
        new Date(),
      );
      await t.commands.recordResult(
        deviceId,
        queued.commandUuid,
        'error',
        '<plist/>',
        new Date(),
      );
      await t.setRules({
        clearCommands: 'everything',
        clearInventoryHistory: true,
      });
      await t.enroll(alice);
      expect(await t.history()).toContain('DeviceInformation error');
    });

    it('clears the inventory history when set, and keeps it otherwise', async () => {
      const kept = await aliceMacWithHistory({ clearInventoryHistory: false });
      await kept.authenticate(await kept.bobIdentity());
      expect(await kept.history()).toContain('DeviceInformation acknowledged');

      const t = await aliceMacWithHistory({ clearInventoryHistory: true });
      await t.authenticate(await t.bobIdentity());
      expect(await t.history()).toEqual([
        'DeviceLock error',
        `RemoveProfile ${ended}`,
        'RestartDevice acknowledged',
      ]);
    });

    it('clears the user and location by default, even for a re-enrollment without a user', async () => {
      const t = await setup();
      await t.enroll(await t.aliceIdentity());
      await t.enroll(await t.identityFor({ kind: 'none' }));
      expect(await t.userRow()).toEqual({
        user_username: null,
        user_real_name: null,
        user_email: null,
        user_building: null,
        user_room: null,
      });
    });

    it('keeps the user and location when not to clear them and the re-enrollment names no user', async () => {
      const t = await setup({ clearUserAndLocation: false });
      await t.enroll(await t.aliceIdentity());
      const alice = await t.userRow();
      expect(alice).toEqual({
        user_username: 'alice',
        user_real_name: 'Alice Archer',
        user_email: 'alice@example.com',
        user_building: 'HQ',
        user_room: '4.12',
      });
      await t.enroll(await t.identityFor({ kind: 'none' }));
      expect(await t.userRow()).toEqual(alice);
      await t.enroll(await t.identityFor({ kind: 'local', name: 'helpdesk' }));
      expect(await t.userRow()).toEqual(alice);
      // A logged-in person is the Mac's user now.
      await t.enroll(await t.bobIdentity());
      expect(await t.userRow()).toEqual({
        user_username: 'bob',
        user_real_name: 'Bob Baker',
        user_email: null,
        user_building: null,
        user_room: null,
      });
    });
  });
});
