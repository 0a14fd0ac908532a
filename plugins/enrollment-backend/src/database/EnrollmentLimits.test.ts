import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { migrated } from '../__testUtils__/stores';
import { DatabaseCertificateStore } from './DatabaseCertificateStore';
import { DatabaseEnrollmentStore } from './DatabaseEnrollmentStore';
import { DatabaseScepChallengeStore } from './DatabaseScepChallengeStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const HOUR = 3600_000;

async function startEnrollment(knex: Knex, now: Date) {
  return new DatabaseEnrollmentStore(knex).create({
    sessionIdHash: 'session',
    keepExistingSite: false,
    loginKind: 'local',
    loginName: 'enroll',
    user: {},
    platform: 'mac',
    createdAt: now,
    expiresAt: new Date(now.getTime() + 24 * HOUR),
  });
}

const certificate = (enrollmentId: string, n: number, computerId?: string) => ({
  serialNumber: `0${n}`,
  enrollmentId,
  computerId,
  subject: `CN=Mac ${n}`,
  notBefore: new Date(),
  notAfter: new Date(Date.now() + 365 * 24 * HOUR),
  sha256: `${n}`.padStart(64, '0'),
  certificateDer: Buffer.from([n]),
});

/** The store rules that keep one enrollment to one Mac, on every database. */
describe.each(testDatabaseIds(databases))('enrollment limits on %s', id => {
  it('keeps one live portal challenge per enrollment, and none once the Mac checked in', async () => {
    const knex = await migrated(await databases.init(id));
    const challenges = new DatabaseScepChallengeStore(knex);
    const enrollments = new DatabaseEnrollmentStore(knex);
    const now = new Date();
    const enrollment = await startEnrollment(knex, now);

    const first = await challenges.mint(enrollment.id, HOUR, now);
    const second = await challenges.mint(enrollment.id, HOUR, now);
    const renewal = await challenges.mint(enrollment.id, HOUR, now, 'mac-1');
    expect(await challenges.redeem(first, now)).toBeUndefined();
    expect(await challenges.redeem(second, now)).toEqual({
      enrollmentId: enrollment.id,
    });

    const third = await challenges.mint(enrollment.id, HOUR, now);
    await enrollments.complete(enrollment.id, now);
    expect(await challenges.redeem(third, now)).toBeUndefined();
    // A renewal challenge is for the enrolled Mac: completion does not end it.
    expect(await challenges.redeem(renewal, now)).toEqual({
      enrollmentId: enrollment.id,
      computerId: 'mac-1',
    });

    // Used and expired ones are purged.
    const later = new Date(now.getTime() + 2 * HOUR);
    expect(await challenges.deleteExpired(later)).toBe(4);
    const [{ n }] = await knex('enrollment_scep_challenges').count({ n: '*' });
    expect(Number(n)).toBe(0);
  });

  it('keeps one live portal challenge when profile downloads race', async () => {
    const knex = await migrated(await databases.init(id));
    const challenges = new DatabaseScepChallengeStore(knex);
    const now = new Date();
    const enrollment = await startEnrollment(knex, now);

    const minted = await Promise.all(
      Array.from({ length: 8 }, () =>
        challenges.mint(enrollment.id, HOUR, now),
      ),
    );
    const live = await knex('enrollment_scep_challenges')
      .where({ enrollment_id: enrollment.id })
      .whereNull('used_at');
    expect(live).toHaveLength(1);
    const redeemed = await Promise.all(
      minted.map(challenge => challenges.redeem(challenge, now)),
    );
    expect(redeemed.filter(Boolean)).toHaveLength(1);
  });

  it('revokes the earlier portal identities of an enrollment, but not for a renewal', async () => {
    const knex = await migrated(await databases.init(id));
    const certificates = new DatabaseCertificateStore(knex);
    const enrollment = await startEnrollment(knex, new Date());

    await certificates.record(certificate(enrollment.id, 1));
    await certificates.record(certificate(enrollment.id, 2));
    expect(
      (await certificates.findBySha256(certificate('', 1).sha256))?.revokedAt,
    ).toBeInstanceOf(Date);
    expect(
      (await certificates.findBySha256(certificate('', 2).sha256))?.revokedAt,
    ).toBeUndefined();

    await certificates.record(certificate(enrollment.id, 3, 'mac-1'));
    expect(
      (await certificates.findBySha256(certificate('', 2).sha256))?.revokedAt,
    ).toBeUndefined();
  });

  it('lets one Mac claim an enrollment, however many race', async () => {
    const knex = await migrated(await databases.init(id));
    const enrollments = new DatabaseEnrollmentStore(knex);
    const enrollment = await startEnrollment(knex, new Date());

    const udids = Array.from({ length: 10 }, (_, i) => `UDID-${i}`);
    const claims = await Promise.all(
      udids.map(udid => enrollments.claimMac(enrollment.id, udid)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    const winner = udids[claims.indexOf(true)];
    expect((await enrollments.get(enrollment.id))?.udid).toBe(winner);
    // The same Mac may come back (a profile installed again).
    expect(await enrollments.claimMac(enrollment.id, winner)).toBe(true);
  });

  it('stops download tokens once the Mac checked in, and purges abandoned enrollments only', async () => {
    const knex = await migrated(await databases.init(id));
    const enrollments = new DatabaseEnrollmentStore(knex);
    const certificates = new DatabaseCertificateStore(knex);
    const now = new Date();
    const done = await startEnrollment(knex, now);
    const abandoned = await startEnrollment(knex, now);
    const issued = await startEnrollment(knex, now);
    await certificates.record(certificate(issued.id, 7));

    const token = await enrollments.issueToken({
      sessionIdHash: 'session',
      enrollmentId: done.id,
      purpose: 'profile',
      ttlMs: HOUR,
      now,
    });
    const redeem = () =>
      enrollments.redeemToken({
        token,
        sessionIdHash: 'session',
        purpose: 'profile',
        now,
      });
    expect((await redeem())?.id).toBe(done.id);
    await enrollments.complete(done.id, now);
    expect(await redeem()).toBeUndefined();

    await enrollments.deleteExpired(new Date(now.getTime() + 25 * HOUR));
    expect(await enrollments.get(done.id)).toBeDefined();
    expect(await enrollments.get(abandoned.id)).toBeUndefined();
    expect(await enrollments.get(issued.id)).toBeDefined();
  });

  it('gives an existing enrollment the UDID of its one Mac when it migrates', async () => {
    const knex = await migrated(await databases.init(id));
    const directory = resolvePackagePath(
      '@macenroll/plugin-enrollment-backend',
      'migrations',
    );
    await knex.migrate.down({
      directory,
      name: '20261203130000_one_mac_per_enrollment.js',
    });
    const now = new Date();
    const one = await startEnrollmentWithoutUdid(knex, now);
    const shared = await startEnrollmentWithoutUdid(knex, now);
    const computer = (udid: string, enrollmentId: string) => ({
      id: `c-${udid}`,
      udid,
      status: 'enrolled',
      enrollment_id: enrollmentId,
      created_at: now,
      updated_at: now,
    });
    await knex('enrollment_computers').insert([
      computer('ONE', one),
      computer('A', shared),
      computer('B', shared),
    ]);

    await knex.migrate.latest({ directory });
    const enrollments = new DatabaseEnrollmentStore(knex);
    expect((await enrollments.get(one))?.udid).toBe('ONE');
    // Two Macs on one enrollment (possible before): neither is picked.
    expect((await enrollments.get(shared))?.udid).toBeUndefined();
  });
});

/** An enrollment row as the schema before the migration holds it. */
async function startEnrollmentWithoutUdid(knex: Knex, now: Date) {
  const id = `e-${Math.random().toString(36).slice(2)}`;
  await knex('enrollment_enrollments').insert({
    id,
    session_id_hash: 'session',
    keep_existing_site: false,
    login_kind: 'local',
    user: '{}',
    platform: 'mac',
    created_at: now,
    expires_at: now,
  });
  return id;
}
