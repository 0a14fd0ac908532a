import { randomUUID } from 'node:crypto';
import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import plist from 'plist';
import forge from 'node-forge';
import { migrated } from '../__testUtils__/stores';
import { DatabaseCommandStore } from '../database/DatabaseCommandStore';
import { DatabaseDeviceStore } from '../database/DatabaseDeviceStore';
import { DatabaseEnrollmentStore } from '../database/DatabaseEnrollmentStore';
import { DatabaseEventStore } from '../database/DatabaseEventStore';
import { DatabaseScepChallengeStore } from '../database/DatabaseScepChallengeStore';
import { DatabaseSettingsStore } from '../database/DatabaseSettingsStore';
import { DatabaseCertificateStore } from '../database/DatabaseCertificateStore';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { generateCa } from '../pki/generateCa';
import { CommandQueue } from './CommandQueue';
import { EnrollmentProfileService } from './EnrollmentProfileService';
import { IdentityRenewal } from './IdentityRenewal';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ca = CertificateAuthority.fromPem(generateCa({ organization: 'Acme' }));
const DAY = 86_400_000;

describe.each(testDatabaseIds(databases))('IdentityRenewal on %s', id => {
  it('sends an expiring identity a renewal profile whose challenge issues an identity for that Mac, once', async () => {
    const knex = await migrated(await databases.init(id));
    let now = new Date('2027-01-01T00:00:00Z');
    const devices = new DatabaseDeviceStore(knex);
    const commands = new DatabaseCommandStore(knex);
    const challenges = new DatabaseScepChallengeStore(knex);
    const certificates = new DatabaseCertificateStore(knex);
    const pushes: string[] = [];
    const enrollment = await new DatabaseEnrollmentStore(knex).create({
      sessionIdHash: 'h',
      keepExistingSite: false,
      loginKind: 'ldap',
      loginName: 'alice',
      user: { username: 'alice', realName: 'Alice Archer' },
      platform: 'mac-modern',
      createdAt: now,
      expiresAt: new Date(now.getTime() + 3600_000),
    });
    const mac = async (udid: string, expiresInDays: number) => {
      const computerId = randomUUID();
      const sha256 = randomUUID().replace(/-/g, '').padEnd(64, '0');
      await certificates.record({
        serialNumber: randomUUID(),
        enrollmentId: enrollment.id,
        computerId,
        subject: 'CN=x',
        notBefore: now,
        notAfter: new Date(now.getTime() + expiresInDays * DAY),
        sha256,
        certificateDer: Buffer.from('x'),
      });
      await knex('enrollment_computers').insert({
        id: computerId,
        udid,
        status: 'enrolled',
        enrollment_id: enrollment.id,
        certificate_sha256: sha256,
        user_username: 'alice',
        created_at: now,
        updated_at: now,
      });
      return computerId;
    };
    const soon = await mac('U-SOON', 10);
    await mac('U-LATER', 200);
    const renewal = new IdentityRenewal({
      devices,
      profiles: new EnrollmentProfileService({
        ca,
        challenges,
        topic: async () => 'com.apple.mgmt.External.test',
        allowInsecureUrls: false,
        tlsTrustPem: [],
        organization: 'Acme',
        baseUrl: async () => 'https://mdm.example.com/api/enrollment',
        clock: () => now,
      }),
      queue: new CommandQueue({
        commands,
        push: { request: async computerId => void pushes.push(computerId) },
      }),
      settings: new DatabaseSettingsStore(knex),
      events: new DatabaseEventStore(knex),
      organization: 'Acme',
      renewalDays: 30,
      logger: mockServices.logger.mock(),
      clock: () => now,
    });

    expect(await renewal.runOnce()).toBe(1);
    expect(pushes).toEqual([soon]);
    const [command] = await commands.list(soon);
    expect(command.requestType).toBe('InstallProfile');
    // The payload is the signed enrollment profile; its challenge is for this Mac.
    const payload = (plist.parse(command.payload) as any).Command.Payload;
    const signed = forge.pkcs7.messageFromAsn1(
      forge.asn1.fromDer(Buffer.from(payload).toString('binary')),
    ) as any;
    const xml = Buffer.from(
      signed.rawCapture.content.value[0].value,
      'binary',
    ).toString('utf8');
    const profile = plist.parse(xml) as any;
    expect(profile.PayloadIdentifier).toBe('com.macenroll.enrollment');
    const scep = profile.PayloadContent.find(
      (p: any) => p.PayloadType === 'com.apple.security.scep',
    );
    // Still usable days later: the Mac may have been asleep.
    expect(
      await challenges.redeem(
        scep.PayloadContent.Challenge,
        new Date(now.getTime() + 3 * DAY),
      ),
    ).toEqual({ enrollmentId: enrollment.id, computerId: soon });

    // Asked for once; again only if it was not taken up within a week.
    expect(await renewal.runOnce()).toBe(0);
    now = new Date(now.getTime() + 8 * DAY);
    expect(await renewal.runOnce()).toBe(1);
  });
});
