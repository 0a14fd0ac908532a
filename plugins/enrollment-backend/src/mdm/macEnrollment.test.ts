import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mockCredentials } from '@backstage/backend-test-utils';
import { RunningSlapd } from '@internal/test-harness';
import plist from 'plist';
import request from 'supertest';
import {
  createInvitation,
  writeCaPem,
  FakeMac,
  loginAtPortal,
  openssl,
  payloadOf,
  runScepclient,
  SAFARI_14,
  startEnrollmentBackend,
  TOPIC,
  verifyAndParseProfile,
  verifyCertificate,
} from '../__testUtils__/macAtPortal';

jest.setTimeout(180_000);

const UDID = '66ADE930-1234-4ABC-9DEF-0123456789AB';
const CHECKIN = 'application/x-apple-aspen-mdm-checkin';

describe('a Mac enrolls end to end', () => {
  let slapd: RunningSlapd;
  let server: any;
  let dir: string;
  const admin = () => mockCredentials.user.header('user:default/admin');

  beforeAll(async () => {
    ({ server, slapd } = await startEnrollmentBackend());
    dir = mkdtempSync(join(tmpdir(), 'mac-'));
  });
  afterAll(async () => {
    await slapd?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const put = (path: string, body: Buffer, headers: Record<string, string>) =>
    request(server).put(path).set(headers).send(body);

  it('from the invitation to a computer with its user, through SCEP, check-in and commands', async () => {
    // 1. An admin invites; the person opens the link in Safari and logs in.
    const invitation = await createInvitation(server);
    const safari = await loginAtPortal(server, {
      userAgent: SAFARI_14,
      invitationUrl: invitation.url,
      username: 'alice',
      password: slapd.people.alice.password,
    });

    // 2. The CA and the signed profile.
    // No certificate step with default settings: the CA travels in the
    // profile; the test trusts the one SCEP serves.
    await writeCaPem(server, dir);
    const profile = await safari.download(safari.href('download-profile'));
    expect(profile.status).toBe(200);
    expect(profile.headers['content-type']).toBe(
      'application/x-apple-aspen-config',
    );
    expect(profile.headers['content-disposition']).toMatch(
      /filename="Acme Enrollment.mobileconfig"/,
    );
    writeFileSync(join(dir, 'profile.der'), profile.body);
    const parsed = verifyAndParseProfile(
      dir,
      join(dir, 'profile.der'),
      join(dir, 'ca.pem'),
    );
    const scepPayload = payloadOf(parsed, 'com.apple.security.scep');
    const mdmPayload = payloadOf(parsed, 'com.apple.mdm');
    expect(mdmPayload).toMatchObject({
      Topic: TOPIC,
      SignMessage: true,
      AccessRights: 8191,
    });
    expect(mdmPayload.IdentityCertificateUUID).toBe(scepPayload.PayloadUUID);

    // 3. SCEP with the profile's challenge, by micromdm's scepclient.
    const scep = (m: FakeMac, cn: string) =>
      runScepclient(server, scepPayload, { key: m.key, cert: m.cert, cn });
    const mac = new FakeMac(dir);
    await scep(mac, 'Alice Mac');
    expect(verifyCertificate(join(dir, 'ca.pem'), mac.cert)).toBe(
      `${mac.cert}: OK`,
    );
    // The challenge works once.
    await expect(
      scep(new FakeMac(mkdtempSync(join(tmpdir(), 'mac2-'))), 'Thief'),
    ).rejects.toThrow();

    const checkinPath = new URL(mdmPayload.CheckInURL).pathname;
    const connectPath = new URL(mdmPayload.ServerURL).pathname;
    const send = (path: string, dict: object, signWith = mac) => {
      const body = Buffer.from(plist.build(dict as any));
      return put(path, body, {
        'Content-Type': CHECKIN,
        'Mdm-Signature': signWith.sign(body),
      });
    };

    // 4. Check-in: Authenticate, then TokenUpdate.
    const auth = await send(checkinPath, {
      MessageType: 'Authenticate',
      Topic: TOPIC,
      UDID,
      SerialNumber: 'C02TEST1234',
      DeviceName: 'Alice’s Mac',
      Model: 'Mac14,2',
      ModelName: 'MacBook Air',
      OSVersion: '14.4',
      BuildVersion: '23E214',
      ProductName: 'Mac14,2',
    });
    expect(auth.status).toBe(200);
    // Downloading the profile and getting an identity is no use yet: the
    // link is only held until the Mac checks in.
    const held = await request(server)
      .get(`/api/enrollment/invitations/${invitation.id}`)
      .set('Authorization', admin());
    expect(held.body).toMatchObject({
      timesUsed: 0,
      enrolledComputers: 0,
      status: 'active',
    });
    expect(auth.text).toBe('');
    const token = await send(checkinPath, {
      MessageType: 'TokenUpdate',
      Topic: TOPIC,
      UDID,
      Token: Buffer.from('push-token'),
      PushMagic: 'magic-1',
    });
    expect(token.status).toBe(200);

    // 5. The command channel: DeviceInformation, then SecurityInfo, then nothing.
    const idle = await send(connectPath, { Status: 'Idle', UDID });
    expect(idle.status).toBe(200);
    const first = plist.parse(idle.text) as any;
    expect(first.Command.RequestType).toBe('DeviceInformation');
    const second = plist.parse(
      (
        await send(connectPath, {
          Status: 'Acknowledged',
          UDID,
          CommandUUID: first.CommandUUID,
          RequestType: 'DeviceInformation',
          QueryResponses: {
            DeviceName: 'Alice MacBook',
            ModelName: 'MacBook Air',
            OSVersion: '14.4.1',
            SerialNumber: 'C02TEST1234',
          },
        })
      ).text,
    ) as any;
    expect(second.Command.RequestType).toBe('SecurityInfo');
    const done = await send(connectPath, {
      Status: 'Acknowledged',
      UDID,
      CommandUUID: second.CommandUUID,
      SecurityInfo: { ManagementStatus: { UserApprovedEnrollment: true } },
    });
    expect(done.status).toBe(200);
    expect(done.text).toBe('');

    // 6. The admin finds the computer under its invitation.
    const computers = await request(server)
      .get(`/api/enrollment/invitations/${invitation.id}/computers`)
      .set('Authorization', admin());
    expect(computers.body.items).toEqual([
      expect.objectContaining({
        udid: UDID,
        serialNumber: 'C02TEST1234',
        name: 'Alice MacBook',
        model: 'MacBook Air',
        osVersion: '14.4.1',
        status: 'enrolled',
        enrolledAt: expect.any(String),
        userApproved: true,
        user: expect.objectContaining({
          username: 'alice',
          realName: 'Alice Archer',
          department: 'Engineering',
          room: '101',
        }),
      }),
    ]);
    const inv = await request(server)
      .get(`/api/enrollment/invitations/${invitation.id}`)
      .set('Authorization', admin());
    expect(inv.body).toMatchObject({
      timesUsed: 1,
      enrolledComputers: 1,
      status: 'used',
    });
    // Back on the portal, the person is told the Mac is enrolled.
    const back = await safari.get('/api/enrollment/enroll');
    expect(back.status).toBe(200);
    expect(back.text).toContain('id="enroll-done"');
    expect(back.text).not.toContain('id="download-profile"');

    // 7. Forged, tampered and unsigned messages are refused, never with 401.
    const body = Buffer.from(
      plist.build({
        MessageType: 'TokenUpdate',
        Topic: TOPIC,
        UDID,
        Token: Buffer.from('x'),
        PushMagic: 'm',
      } as any),
    );
    const unsigned = await put(checkinPath, body, { 'Content-Type': CHECKIN });
    expect(unsigned.status).toBe(400);
    const tampered = await put(
      checkinPath,
      Buffer.concat([body, Buffer.from(' ')]),
      {
        'Content-Type': CHECKIN,
        'Mdm-Signature': mac.sign(body),
      },
    );
    expect(tampered.status).toBe(400);
    execFileSync(
      openssl,
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=Forger',
        '-days',
        '1',
        '-keyout',
        join(dir, 'forged.key'),
        '-out',
        join(dir, 'forged.pem'),
      ],
      { stdio: 'pipe' },
    );
    const forged = await put(checkinPath, body, {
      'Content-Type': CHECKIN,
      'Mdm-Signature': mac.sign(
        body,
        join(dir, 'forged.pem'),
        join(dir, 'forged.key'),
      ),
    });
    expect(forged.status).toBe(403);
    const garbage = await put(checkinPath, body, {
      'Content-Type': CHECKIN,
      'Mdm-Signature': 'bm90IGNtcw==',
    });
    expect(garbage.status).toBe(400);
    const wrongType = await put(checkinPath, body, {
      'Content-Type': 'text/plain',
      'Mdm-Signature': mac.sign(body),
    });
    expect(wrongType.status).toBe(400);
    // Another device's UDID with this identity.
    const other = await send(checkinPath, {
      MessageType: 'TokenUpdate',
      Topic: TOPIC,
      UDID: 'OTHER',
      Token: Buffer.from('x'),
      PushMagic: 'm',
    });
    expect(other.status).toBe(403);
    // UserAuthenticate is declined the way Apple documents it.
    expect(
      (
        await send(checkinPath, {
          MessageType: 'UserAuthenticate',
          UDID,
          UserID: 'U1',
        })
      ).status,
    ).toBe(410);

    // 8. Bootstrap token escrow round trip.
    expect(
      (
        await send(checkinPath, {
          MessageType: 'SetBootstrapToken',
          UDID,
          BootstrapToken: Buffer.from('bootstrap!'),
        })
      ).status,
    ).toBe(200);
    const got = await send(checkinPath, {
      MessageType: 'GetBootstrapToken',
      UDID,
    });
    expect((plist.parse(got.text) as any).BootstrapToken).toEqual(
      Buffer.from('bootstrap!'),
    );

    // 9. CheckOut: the profile was removed; the identity stops working.
    expect(
      (await send(checkinPath, { MessageType: 'CheckOut', Topic: TOPIC, UDID }))
        .status,
    ).toBe(200);
    const after = await request(server)
      .get(`/api/enrollment/invitations/${invitation.id}/computers`)
      .set('Authorization', admin());
    expect(after.body.items[0].status).toBe('unenrolled');
    expect((await send(connectPath, { Status: 'Idle', UDID })).status).toBe(
      403,
    );
  });
});
