import { mockCredentials } from '@backstage/backend-test-utils';
import { RunningSlapd } from '@internal/test-harness';
import { rmSync } from 'node:fs';
import request from 'supertest';
import {
  createInvitation,
  enrollMacAtPortal,
  startEnrollmentBackend,
} from '../__testUtils__/macAtPortal';

jest.setTimeout(180_000);

const admin = () => mockCredentials.user.header('user:default/admin');
const ALICE = {
  username: 'alice.local',
  password: 'alice-enrolls-her-mac',
  realName: 'Alice Example',
  email: 'alice@example.com',
};

/**
 * A local portal account that stands for a person (Jamf's standard
 * account): the Mac it enrolls is recorded as that person's, with no
 * directory person to pick.
 */
describe('a local portal account with a person', () => {
  let slapd: RunningSlapd;
  let server: any;
  const dirs: string[] = [];
  const api = (method: 'post' | 'patch' | 'get', path: string) =>
    request(server)
      [method](`/api/enrollment${path}`)
      .set('Authorization', admin());

  beforeAll(async () => {
    ({ server, slapd } = await startEnrollmentBackend({
      portal: { localAccounts: [ALICE] },
    }));
  });
  afterAll(async () => {
    await slapd?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("records the enrolled computer's user from the account", async () => {
    const invitation = await createInvitation(server);
    const mac = await enrollMacAtPortal(server, {
      invitationUrl: invitation.url,
      username: ALICE.username,
      password: ALICE.password,
      udid: 'ACC00000-0000-4000-8000-000000000001',
    });
    dirs.push(mac.dir);
    const computers = await api('get', '/computers').expect(200);
    const computer = computers.body.items.find(
      (c: any) => c.udid === 'ACC00000-0000-4000-8000-000000000001',
    );
    expect(computer).toMatchObject({ status: 'enrolled' });
    expect(computer.user).toEqual({
      username: 'alice.local',
      realName: 'Alice Example',
      email: 'alice@example.com',
    });
  });

  it('lets admins give their accounts a person through the API, not config ones', async () => {
    const listed = await api('get', '/portal-accounts').expect(200);
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({
        username: 'alice.local',
        source: 'config',
        realName: 'Alice Example',
        email: 'alice@example.com',
      }),
    );

    const badEmail = await api('post', '/portal-accounts').send({
      username: 'bob.local',
      password: 'bob-enrolls-his-mac',
      email: 'bob at example.com',
    });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.error.message).toContain('email');

    const created = await api('post', '/portal-accounts')
      .send({
        username: 'bob.local',
        password: 'bob-enrolls-his-mac',
        realName: 'Bob Baker',
        email: 'bob@example.com',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      username: 'bob.local',
      source: 'admin',
      realName: 'Bob Baker',
      email: 'bob@example.com',
    });

    const changed = await api('patch', '/portal-accounts/bob.local')
      .send({ realName: '', email: 'b.baker@example.com' })
      .expect(200);
    expect(changed.body).toMatchObject({ email: 'b.baker@example.com' });
    expect(changed.body).not.toHaveProperty('realName');
    const after = await api('get', '/portal-accounts');
    expect(
      after.body.items.find((a: any) => a.username === 'bob.local'),
    ).toMatchObject({ email: 'b.baker@example.com' });

    const events = await api('get', '/events?category=admin&search=bob.local');
    expect(events.body.items[0].message).toBe(
      'Set the person of the portal account "bob.local"',
    );

    const configAccount = await api('patch', '/portal-accounts/alice.local')
      .send({ email: 'other@example.com' })
      .expect(409);
    expect(configAccount.body.error.message).toContain('comes from app-config');
  });
});
