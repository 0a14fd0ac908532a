import { mockCredentials } from '@backstage/backend-test-utils';
import { RunningSlapd } from '@internal/test-harness';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import plist from 'plist';
import request from 'supertest';
import {
  CHECKIN_TYPE,
  FakeMac,
  loginAtPortal,
  payloadOf,
  runScepclient,
  SAFARI_14,
  startEnrollmentBackend,
  verifyAndParseProfile,
  writeCaPem,
} from '../__testUtils__/macAtPortal';

jest.setTimeout(180_000);

const admin = () => mockCredentials.user.header('user:default/admin');
const API = '/api/enrollment';

/**
 * Serial allowlists and device rules with real peers: the portal in
 * "Safari", SCEP by scepclient, check-ins signed by openssl. A Mac the
 * rules do not admit gets 403 at Authenticate and leaves nothing behind
 * but an event and the portal's explanation.
 */
describe('serial allowlists and device rules at Authenticate', () => {
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

  const createInvitation = (body: object) =>
    request(server)
      .post(`${API}/invitations`)
      .set('Authorization', admin())
      .send({
        recipients: [],
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        requireLogin: true,
        multipleUses: true,
        ...body,
      });

  /** A person at the portal with the link, and their Mac up to Authenticate. */
  async function macAtDownloadStep(invitationUrl: string, name: string) {
    const safari = await loginAtPortal(server, {
      userAgent: SAFARI_14,
      invitationUrl,
      username: 'alice',
      password: slapd.people.alice.password,
    });
    const dir = mkdtempSync(join(tmpdir(), `rules-${name}-`));
    dirs.push(dir);
    await writeCaPem(server, dir);
    const res = await safari.download(safari.href('download-profile'));
    expect(res.status).toBe(200);
    writeFileSync(join(dir, 'profile.der'), res.body);
    const profile = verifyAndParseProfile(
      dir,
      join(dir, 'profile.der'),
      join(dir, 'ca.pem'),
    );
    const mdm = payloadOf(profile, 'com.apple.mdm');
    const mac = new FakeMac(dir);
    await runScepclient(server, payloadOf(profile, 'com.apple.security.scep'), {
      key: mac.key,
      cert: mac.cert,
      cn: name,
    });
    const checkIn = (dict: object) => {
      const body = Buffer.from(plist.build(dict as any));
      return request(server)
        .put(new URL(mdm.CheckInURL).pathname)
        .set({ 'Content-Type': CHECKIN_TYPE, 'Mdm-Signature': mac.sign(body) })
        .send(body);
    };
    return {
      safari,
      authenticate: (udid: string, facts: Record<string, string>) =>
        checkIn({
          MessageType: 'Authenticate',
          Topic: mdm.Topic,
          UDID: udid,
          DeviceName: name,
          ...facts,
        }),
      tokenUpdate: (udid: string) =>
        checkIn({
          MessageType: 'TokenUpdate',
          Topic: mdm.Topic,
          UDID: udid,
          Token: Buffer.from(`token-${udid}`),
          PushMagic: `magic-${udid}`,
        }),
    };
  }

  const invitationOf = async (id: string) =>
    (
      await request(server)
        .get(`${API}/invitations/${id}`)
        .set('Authorization', admin())
    ).body;
  const computersOf = async (id: string) =>
    (
      await request(server)
        .get(`${API}/invitations/${id}/computers`)
        .set('Authorization', admin())
    ).body.items;
  const refusedEvents = async () =>
    (
      await request(server)
        .get(`${API}/events`)
        .query({ search: 'refused at enrollment' })
        .set('Authorization', admin())
    ).body.items.filter((e: any) => e.type === 'mdm.refused');

  it('enrolls a listed serial and refuses an unlisted one at Authenticate, leaving no computer and no use', async () => {
    const created = await createInvitation({
      serialNumbers: [' c02listed01 ', 'C02LISTED01', 'C02LISTED02'],
    });
    expect(created.status).toBe(201);
    expect(created.body.serialAllowlistCount).toBe(2);
    const listed = await request(server)
      .get(`${API}/invitations/${created.body.id}/serial-numbers`)
      .set('Authorization', admin());
    expect(listed.body.items).toEqual(['C02LISTED01', 'C02LISTED02']);

    const good = await macAtDownloadStep(created.body.url, 'listed');
    expect(good.safari.downloads).toContain(
      'only on the Macs IT listed by serial number',
    );
    const goodUdid = 'A11E0000-0000-4000-8000-000000000001';
    const facts = { Model: 'Mac14,2', ModelName: 'MacBook Air' };
    expect(
      (
        await good.authenticate(goodUdid, {
          ...facts,
          SerialNumber: 'C02LISTED01',
          OSVersion: '14.4',
        })
      ).status,
    ).toBe(200);
    expect((await good.tokenUpdate(goodUdid)).status).toBe(200);

    const bad = await macAtDownloadStep(created.body.url, 'unlisted');
    const badUdid = 'A11E0000-0000-4000-8000-000000000002';
    const refused = await bad.authenticate(badUdid, {
      ...facts,
      SerialNumber: 'C02NOTLISTD',
      OSVersion: '14.4',
    });
    expect(refused.status).toBe(403);
    // Nothing follows: the profile failed to install on the Mac.
    expect((await bad.tokenUpdate(badUdid)).status).toBe(403);

    const computers = await computersOf(created.body.id);
    expect(computers.map((c: any) => c.udid)).toEqual([goodUdid]);
    expect((await invitationOf(created.body.id)).timesUsed).toBe(1);
    const events = await refusedEvents();
    expect(events).toHaveLength(1);
    expect(events[0].message).toContain('C02NOTLISTD');
    expect(events[0].message).toContain(created.body.id);

    // The person sees why instead of waiting forever.
    const status = await bad.safari.get(`${API}/enroll/status`);
    expect(status.body).toEqual({ enrolled: false, refused: true });
    const page = await bad.safari.get(`${API}/enroll`);
    expect(page.text).toContain('id="enroll-error"');
    expect(page.text).toContain(
      'This Mac (serial number C02NOTLISTD) is not one of the Macs IT listed',
    );
    expect(page.text).not.toContain('id="download-profile"');
  });

  it('takes 10,000 serial numbers, refuses 10,001 and names the first bad entry', async () => {
    const serials = Array.from(
      { length: 10_000 },
      (_, i) => `C02${String(i).padStart(8, '0')}`,
    );
    const many = await createInvitation({ serialNumbers: serials });
    expect(many.status).toBe(201);
    expect(many.body.serialAllowlistCount).toBe(10_000);
    const list = await invitationOf(many.body.id);
    expect(list.serialAllowlistCount).toBe(10_000);
    expect(list.serialNumbers).toBeUndefined();

    const tooMany = await createInvitation({
      serialNumbers: [...serials, 'C02EXTRA0001'],
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/at most 10000 serial numbers/);

    const bad = await createInvitation({
      serialNumbers: ['C02GOOD0001', 'not a serial!', 'x'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('"not a serial!"');
  });

  it('applies the site and the invitation rules both, and tells the person what is required', async () => {
    const site = await request(server)
      .post(`${API}/sites`)
      .set('Authorization', admin())
      .send({ name: 'Rules site', deviceRules: { minimumOsVersion: '13.0' } });
    expect(site.status).toBe(201);
    expect(site.body.deviceRules).toEqual({ minimumOsVersion: '13.0' });
    const created = await createInvitation({
      siteId: site.body.id,
      deviceRules: { allowedModels: ['MacBookPro', 'MacBook Air'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.deviceRules).toEqual({
      allowedModels: ['MacBookPro', 'MacBook Air'],
    });

    // Too old for the site's rule, though the model is allowed.
    const old = await macAtDownloadStep(created.body.url, 'old');
    expect(old.safari.downloads).toContain(
      'This invitation needs macOS 13.0 or later on a MacBook Pro or MacBook Air.',
    );
    const oldUdid = 'A11E0000-0000-4000-8000-000000000011';
    expect(
      (
        await old.authenticate(oldUdid, {
          SerialNumber: 'C02OLDMAC001',
          Model: 'MacBookPro16,1',
          ModelName: 'MacBook Pro',
          OSVersion: '12.7.4',
        })
      ).status,
    ).toBe(403);
    const oldPage = await old.safari.get(`${API}/enroll`);
    expect(oldPage.text).toContain(
      'This Mac runs macOS 12.7.4, and this invitation needs macOS 13.0 or later.',
    );

    // New enough, but not a model the invitation allows.
    const mini = await macAtDownloadStep(created.body.url, 'mini');
    const miniUdid = 'A11E0000-0000-4000-8000-000000000012';
    expect(
      (
        await mini.authenticate(miniUdid, {
          SerialNumber: 'C02MINI00001',
          Model: 'Mac14,3',
          ModelName: 'Mac mini',
          OSVersion: '14.4',
        })
      ).status,
    ).toBe(403);

    // 13.10 is newer than 13.0; MacBookPro18,3 is of the MacBookPro family.
    const good = await macAtDownloadStep(created.body.url, 'good');
    const goodUdid = 'A11E0000-0000-4000-8000-000000000013';
    expect(
      (
        await good.authenticate(goodUdid, {
          SerialNumber: 'C02GOODMAC01',
          Model: 'MacBookPro18,3',
          ModelName: 'MacBook Pro',
          OSVersion: '13.10',
        })
      ).status,
    ).toBe(200);
    expect((await good.tokenUpdate(goodUdid)).status).toBe(200);

    const computers = await computersOf(created.body.id);
    expect(computers.map((c: any) => c.udid)).toEqual([goodUdid]);
    const messages = (await refusedEvents()).map((e: any) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('macOS 12.7.4 is older than the required 13.0'),
        expect.stringContaining('model Mac14,3 (Mac mini) is not one of'),
      ]),
    );
  });
});
