import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ENROLLMENT_COMPUTER_RESOURCE_TYPE } from '@macenroll/plugin-enrollment-common';
import {
  RunningApns,
  RunningSlapd,
  startApnsStandIn,
} from '@internal/test-harness';
import plist from 'plist';
import request from 'supertest';
import {
  createInvitation,
  enrollMacAtPortal,
  loginAtPortal,
  SAFARI_14,
  startEnrollmentBackend,
} from '../__testUtils__/macAtPortal';
import { switchablePermissions } from '../__testUtils__/permissions';

jest.setTimeout(180_000);

const admin = () => mockCredentials.user.header('user:default/admin');

/**
 * After enrollment the Mac stays reachable: every command queued for it is
 * followed by an APNs push (to the local stand-in, which checks what Apple
 * checks), the Mac fetches and answers it, and the admin sees the outcome.
 */
describe('an enrolled Mac stays managed', () => {
  let slapd: RunningSlapd;
  let apns: RunningApns;
  let server: any;
  const permissions = switchablePermissions();
  beforeEach(() => permissions.set(() => ({ result: AuthorizeResult.ALLOW })));

  beforeAll(async () => {
    apns = await startApnsStandIn();
    ({ server, slapd } = await startEnrollmentBackend(
      {
        // The topic comes from the push certificate's UID.
        topic: undefined,
        apns: {
          certificate: apns.pushCertificate.certificatePem,
          privateKey: apns.pushCertificate.privateKeyPem,
          endpoint: apns.endpoint,
          caCertificate: apns.caPem,
          coalesceMilliseconds: 0,
        },
      },
      { permissions: permissions.service.factory },
    ));
  });
  afterAll(async () => {
    await slapd?.stop();
    await apns?.stop();
  });

  const enroll = async (udid: string, username: 'alice' | 'bob' = 'alice') => {
    const invitation = await createInvitation(server);
    return enrollMacAtPortal(server, {
      invitationUrl: invitation.url,
      username,
      password: slapd.people[username].password,
      udid,
      serialNumber: `SN-${udid}`,
    });
  };
  const computerOf = async (udid: string) => {
    const list = await request(server)
      .get('/api/enrollment/computers')
      .query({ search: `SN-${udid}` })
      .set('Authorization', admin());
    return list.body.items[0];
  };

  it('pushes after the first TokenUpdate and after every admin command; the Mac answers and the admin sees it', async () => {
    const mac = await enroll('AAAA0000-0000-4000-8000-000000000001');
    expect(mac.mdmPayload.Topic).toBe(apns.pushCertificate.topic);

    // 1. The first TokenUpdate queued the inventory commands and pushed.
    const [first] = await apns.waitForRequests(1);
    expect(first.path).toBe(`/3/device/${mac.token.toString('hex')}`);
    expect(JSON.parse(first.body)).toEqual({ mdm: mac.pushMagic });
    expect(first.headers['apns-topic']).toBe(apns.pushCertificate.topic);
    expect(first.clientSubject.UID).toBe(apns.pushCertificate.topic);

    // 2. Woken, the Mac fetches DeviceInformation and answers it.
    const udid = 'AAAA0000-0000-4000-8000-000000000001';
    const info = plist.parse(
      (await mac.send(mac.connectPath, { Status: 'Idle', UDID: udid })).text,
    ) as any;
    expect(info.Command.RequestType).toBe('DeviceInformation');
    await mac.send(mac.connectPath, {
      Status: 'Acknowledged',
      UDID: udid,
      CommandUUID: info.CommandUUID,
      QueryResponses: { DeviceName: 'Renamed Mac', OSVersion: '14.5' },
    });

    // 3. The admin's computer page.
    const computer = await computerOf(udid);
    const details = await request(server)
      .get(`/api/enrollment/computers/${computer.id}`)
      .set('Authorization', admin());
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({
      name: 'Renamed Mac',
      osVersion: '14.5',
      status: 'enrolled',
      push: { status: 'active', lastPushedAt: expect.any(String) },
      identity: {
        serialNumber: expect.any(String),
        notAfter: expect.any(String),
      },
    });

    // 4. Lock: queued, pushed, delivered, answered with an error the admin reads.
    const bad = await request(server)
      .post(`/api/enrollment/computers/${computer.id}/commands`)
      .set('Authorization', admin())
      .send({ requestType: 'DeviceLock', pin: '12345' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/six digits/);
    const lock = await request(server)
      .post(`/api/enrollment/computers/${computer.id}/commands`)
      .set('Authorization', admin())
      .send({ requestType: 'DeviceLock', pin: '123456', message: 'Call IT' });
    expect(lock.status).toBe(201);
    expect(lock.body).toMatchObject({
      requestType: 'DeviceLock',
      status: 'queued',
      commandUuid: expect.any(String),
    });
    await apns.waitForRequests(2);

    // The Mac still owes SecurityInfo; it comes first, then the lock.
    let next = plist.parse(
      (await mac.send(mac.connectPath, { Status: 'Idle', UDID: udid })).text,
    ) as any;
    expect(next.Command.RequestType).toBe('SecurityInfo');
    next = plist.parse(
      (
        await mac.send(mac.connectPath, {
          Status: 'Acknowledged',
          UDID: udid,
          CommandUUID: next.CommandUUID,
          SecurityInfo: {},
        })
      ).text,
    ) as any;
    expect(next.CommandUUID).toBe(lock.body.commandUuid);
    expect(next.Command).toEqual({
      RequestType: 'DeviceLock',
      PIN: '123456',
      Message: 'Call IT',
    });
    const done = await mac.send(mac.connectPath, {
      Status: 'Error',
      UDID: udid,
      CommandUUID: next.CommandUUID,
      ErrorChain: [
        {
          ErrorCode: 12021,
          ErrorDomain: 'MCMDMErrorDomain',
          LocalizedDescription: 'The device is already locked',
        },
      ],
    });
    expect(done.text).toBe('');
    const history = await request(server)
      .get(`/api/enrollment/computers/${computer.id}/commands`)
      .set('Authorization', admin());
    expect(history.body.items[0]).toMatchObject({
      commandUuid: lock.body.commandUuid,
      requestType: 'DeviceLock',
      status: 'error',
      sentAt: expect.any(String),
      answeredAt: expect.any(String),
      error: 'The device is already locked (MCMDMErrorDomain 12021)',
    });
    expect(history.body.items.map((c: any) => c.status)).toEqual([
      'error',
      'acknowledged',
      'acknowledged',
    ]);

    // 5. A blank push wakes the Mac without a command.
    const blank = await request(server)
      .post(`/api/enrollment/computers/${computer.id}/push`)
      .set('Authorization', admin())
      .send({});
    expect(blank.status).toBe(202);
    await apns.waitForRequests(3);
  });

  it('410 from Apple shows the token as unregistered on the computer until a new TokenUpdate', async () => {
    const udid = 'AAAA0000-0000-4000-8000-000000000002';
    const seen = apns.requests.length;
    apns.answerWith(() => ({
      status: 410,
      body: { reason: 'Unregistered', timestamp: Date.now() },
    }));
    try {
      const mac = await enroll(udid);
      await apns.waitForRequests(seen + 1);
      const computer = await computerOf(udid);
      // The push settles right after Apple answers; read until it has.
      let details: any;
      for (let i = 0; i < 50; i++) {
        details = await request(server)
          .get(`/api/enrollment/computers/${computer.id}`)
          .set('Authorization', admin());
        if (details.body.push.status !== 'active') break;
        await new Promise(resolve => setImmediate(resolve));
      }
      expect(details.body.push).toMatchObject({
        status: 'unregistered',
        lastError: 'Unregistered',
      });
      apns.answerWith(() => ({ status: 200 }));
      await mac.send(mac.checkinPath, {
        MessageType: 'TokenUpdate',
        Topic: mac.mdmPayload.Topic,
        UDID: udid,
        Token: Buffer.from('a-new-token'),
        PushMagic: 'new-magic',
      });
      // The commands that waited go out with the new token.
      const requests = await apns.waitForRequests(seen + 2);
      expect(requests[seen + 1].token).toBe(
        Buffer.from('a-new-token').toString('hex'),
      );
    } finally {
      apns.answerWith(() => ({ status: 200 }));
    }
  });

  it("refuses another Mac's certificate for a victim's UDID (no hijack, no bootstrap token)", async () => {
    const victimUdid = 'AAAA0000-0000-4000-8000-000000000003';
    const victim = await enroll(victimUdid);
    await victim.send(victim.checkinPath, {
      MessageType: 'SetBootstrapToken',
      UDID: victimUdid,
      BootstrapToken: Buffer.from('victim bootstrap token'),
    });
    const attacker = await enroll(
      'AAAA0000-0000-4000-8000-000000000004',
      'bob',
    );
    const takeover = await attacker.send(attacker.checkinPath, {
      MessageType: 'Authenticate',
      Topic: attacker.mdmPayload.Topic,
      UDID: victimUdid,
      SerialNumber: 'SN-stolen',
      DeviceName: 'Not yours',
      Model: 'Mac14,2',
      ModelName: 'MacBook Air',
      OSVersion: '14.4',
    });
    expect(takeover.status).toBe(403);
    const steal = await attacker.send(attacker.checkinPath, {
      MessageType: 'GetBootstrapToken',
      UDID: victimUdid,
    });
    expect(steal.status).toBe(403);
    expect(steal.text).not.toContain(
      Buffer.from('victim bootstrap token').toString('base64'),
    );
    // The real Mac is unaffected.
    const mine = await victim.send(victim.checkinPath, {
      MessageType: 'GetBootstrapToken',
      UDID: victimUdid,
    });
    expect(mine.status).toBe(200);
    expect((plist.parse(mine.text) as any).BootstrapToken).toEqual(
      Buffer.from('victim bootstrap token'),
    );
  });

  it('needs enrollment.computer.command to send commands, and refuses unknown ones', async () => {
    const udid = 'AAAA0000-0000-4000-8000-000000000005';
    await enroll(udid);
    const computer = await computerOf(udid);
    const unknown = await request(server)
      .post(`/api/enrollment/computers/${computer.id}/commands`)
      .set('Authorization', admin())
      .send({ requestType: 'EraseDevice' });
    expect(unknown.status).toBe(400);
    const missing = await request(server)
      .get('/api/enrollment/computers/no-such-computer')
      .set('Authorization', admin());
    expect(missing.status).toBe(404);
    const anonymous = await request(server)
      .post(`/api/enrollment/computers/${computer.id}/commands`)
      .set('Authorization', mockCredentials.none.header())
      .send({ requestType: 'RestartDevice' });
    expect(anonymous.status).toBe(401);

    // Without the permission, or for a computer outside the allowed sites.
    permissions.set(name =>
      name === 'enrollment.computer.command'
        ? { result: AuthorizeResult.DENY }
        : { result: AuthorizeResult.ALLOW },
    );
    const denied = await request(server)
      .post(`/api/enrollment/computers/${computer.id}/commands`)
      .set('Authorization', admin())
      .send({ requestType: 'RestartDevice' });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('enrollment.computer.command');
    permissions.set(name =>
      name === 'enrollment.computer.command'
        ? {
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'enrollment',
            resourceType: ENROLLMENT_COMPUTER_RESOURCE_TYPE,
            conditions: {
              rule: 'IS_IN_SITE',
              resourceType: ENROLLMENT_COMPUTER_RESOURCE_TYPE,
              params: { siteIds: ['another-site'] },
            },
          }
        : { result: AuthorizeResult.ALLOW },
    );
    const elsewhere = await request(server)
      .post(`/api/enrollment/computers/${computer.id}/push`)
      .set('Authorization', admin())
      .send({});
    expect(elsewhere.status).toBe(404);
    const history = await request(server)
      .get(`/api/enrollment/computers/${computer.id}/commands`)
      .set('Authorization', admin());
    expect(history.body.items.map((c: any) => c.requestType)).not.toContain(
      'RestartDevice',
    );
  });
});

describe('a profile a Mac would refuse is not handed out', () => {
  let slapd: RunningSlapd;
  let server: any;
  beforeAll(async () => {
    // The test backend is plain http, and nothing allows that here.
    ({ server, slapd } = await startEnrollmentBackend({
      allowInsecureUrls: false,
    }));
  });
  afterAll(() => slapd?.stop());

  it('answers a page saying https is needed instead of an http:// profile', async () => {
    const invitation = await createInvitation(server);
    const safari = await loginAtPortal(server, {
      userAgent: SAFARI_14,
      invitationUrl: invitation.url,
      username: 'alice',
      password: slapd.people.alice.password,
    });
    const profile = await safari.get(safari.href('download-profile'));
    expect(profile.status).toBe(503);
    expect(profile.headers['content-type']).toMatch(/^text\/html/);
    expect(profile.text).toContain('id="enroll-error"');
    expect(profile.text).toContain('https');
    expect(profile.text).not.toContain('Challenge');
  });
});
