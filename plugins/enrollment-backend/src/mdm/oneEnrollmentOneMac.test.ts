import { mockCredentials } from '@backstage/backend-test-utils';
import { RunningSlapd } from '@internal/test-harness';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import plist from 'plist';
import request from 'supertest';
import {
  CHECKIN_TYPE,
  createInvitation,
  writeCaPem,
  FakeMac,
  loginAtPortal,
  payloadOf,
  runScepclient,
  SAFARI_14,
  startEnrollmentBackend,
  verifyAndParseProfile,
} from '../__testUtils__/macAtPortal';

jest.setTimeout(180_000);

const admin = () => mockCredentials.user.header('user:default/admin');

/**
 * The attack: one person with one single-use invitation keeps downloading
 * profiles (each used to mint a new SCEP challenge), runs SCEP with each,
 * and authenticates each identity as another made-up Mac. One enrollment
 * must yield one live challenge, one live identity and one computer, and
 * nothing more once its Mac has checked in.
 */
describe('one enrollment enrolls one Mac', () => {
  let slapd: RunningSlapd;
  let server: any;
  const dirs: string[] = [];

  beforeAll(async () => {
    ({ server, slapd } = await startEnrollmentBackend());
  });
  afterAll(async () => {
    await slapd?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses superseded challenges, revokes superseded identities, binds the enrollment to its first Mac and closes after check-in', async () => {
    const invitation = await createInvitation(server);
    const safari = await loginAtPortal(server, {
      userAgent: SAFARI_14,
      invitationUrl: invitation.url,
      username: 'alice',
      password: slapd.people.alice.password,
    });
    const dir = mkdtempSync(join(tmpdir(), 'one-mac-'));
    dirs.push(dir);
    // No certificate step with default settings: the CA travels in the
    // profile; the test trusts the one SCEP serves.
    await writeCaPem(server, dir);
    let downloads = 0;
    const downloadProfile = async () => {
      const res = await safari.download(safari.href('download-profile'));
      expect(res.status).toBe(200);
      const file = join(dir, `profile-${++downloads}.der`);
      writeFileSync(file, res.body);
      const profile = verifyAndParseProfile(dir, file, join(dir, 'ca.pem'));
      return {
        scep: payloadOf(profile, 'com.apple.security.scep'),
        mdm: payloadOf(profile, 'com.apple.mdm'),
      };
    };
    const identity = async (scep: any, name: string) => {
      const macDir = mkdtempSync(join(tmpdir(), `one-mac-${name}-`));
      dirs.push(macDir);
      const mac = new FakeMac(macDir);
      await runScepclient(server, scep, {
        key: mac.key,
        cert: mac.cert,
        cn: name,
      });
      return mac;
    };
    const checkIn = (mac: FakeMac, path: string, dict: object) => {
      const body = Buffer.from(plist.build(dict as any));
      return request(server)
        .put(path)
        .set({ 'Content-Type': CHECKIN_TYPE, 'Mdm-Signature': mac.sign(body) })
        .send(body);
    };
    const authenticate = (mac: FakeMac, mdm: any, udid: string) =>
      checkIn(mac, new URL(mdm.CheckInURL).pathname, {
        MessageType: 'Authenticate',
        Topic: mdm.Topic,
        UDID: udid,
        SerialNumber: `SN-${udid.slice(0, 8)}`,
        DeviceName: udid,
        Model: 'Mac14,2',
        ModelName: 'MacBook Air',
        OSVersion: '14.4',
      });
    const tokenUpdate = (mac: FakeMac, mdm: any, udid: string) =>
      checkIn(mac, new URL(mdm.CheckInURL).pathname, {
        MessageType: 'TokenUpdate',
        Topic: mdm.Topic,
        UDID: udid,
        Token: Buffer.from(`token-${udid}`),
        PushMagic: `magic-${udid}`,
      });

    // 1. Three downloads, three challenges: only the newest one works.
    const first = await downloadProfile();
    const second = await downloadProfile();
    const third = await downloadProfile();
    await expect(identity(first.scep, 'first')).rejects.toThrow();
    await expect(identity(second.scep, 'second')).rejects.toThrow();
    const macA = await identity(third.scep, 'third');

    // 2. Its identity authenticates as a Mac; the enrollment now belongs to it.
    const realUdid = 'B0B00000-0000-4000-8000-000000000001';
    const madeUpUdid = 'B0B00000-0000-4000-8000-000000000002';
    expect((await authenticate(macA, third.mdm, realUdid)).status).toBe(200);

    // 3. A fourth download and identity: the third identity is revoked.
    const fourth = await downloadProfile();
    const macB = await identity(fourth.scep, 'fourth');
    expect((await tokenUpdate(macA, third.mdm, realUdid)).status).toBe(403);

    // 4. The new identity cannot take this enrollment to another Mac…
    expect((await authenticate(macB, fourth.mdm, madeUpUdid)).status).toBe(403);
    // …but the same Mac installing the profile again enrolls.
    const fifth = await downloadProfile(); // before the Mac checks in
    expect((await authenticate(macB, fourth.mdm, realUdid)).status).toBe(200);
    expect((await tokenUpdate(macB, fourth.mdm, realUdid)).status).toBe(200);

    // 5. Enrolled: a challenge minted before that is dead, and so are the links.
    await expect(identity(fifth.scep, 'fifth')).rejects.toThrow();
    const late = await safari.download(safari.href('download-profile'));
    expect(late.status).toBeGreaterThanOrEqual(400);
    expect(late.body.toString()).toContain('id="enroll-error"');

    // 6. The admin sees one computer for the invitation, used once.
    const computers = await request(server)
      .get(`/api/enrollment/invitations/${invitation.id}/computers`)
      .set('Authorization', admin());
    expect(computers.body.items.map((c: any) => c.udid)).toEqual([realUdid]);
    const list = await request(server)
      .get('/api/enrollment/invitations')
      .set('Authorization', admin());
    const mine = list.body.items.find((i: any) => i.id === invitation.id);
    expect(mine.timesUsed).toBe(1);
  });
});
