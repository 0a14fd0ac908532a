import { mockCredentials } from '@backstage/backend-test-utils';
import { RunningSlapd } from '@internal/test-harness';
import { rmSync } from 'node:fs';
import request from 'supertest';
import {
  createInvitation,
  enrollMacAtPortal,
  startEnrollmentBackend,
} from '../__testUtils__/macAtPortal';
import { reenrollmentApi } from '../__testUtils__/reenrollmentApi';

jest.setTimeout(180_000);

const admin = () => mockCredentials.user.header('user:default/admin');
const UDID = 'REE00000-0000-4000-8000-000000000001';
const HELPDESK = { username: 'helpdesk', password: 'helpdesk-secret-1' };

/**
 * Jamf's "Restrict re-enrollment to authorized users only", with real
 * signed check-ins: alice's Mac enrolls again only for alice or for a
 * portal account allowed to re-enroll any Mac; anyone else's Authenticate
 * is refused (the profile fails to install), changing nothing.
 */
describe('re-enrollment restricted to authorized users', () => {
  let slapd: RunningSlapd;
  let server: any;
  const dirs: string[] = [];

  beforeAll(async () => {
    ({ server, slapd } = await startEnrollmentBackend());
    await request(server)
      .post('/api/enrollment/portal-accounts')
      .set('Authorization', admin())
      .send(HELPDESK)
      .expect(201);
  });
  afterAll(async () => {
    await slapd?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** The Mac enrolled the whole way by this portal login, on a new invitation. */
  const enroll = async (
    username: string,
    password: string,
    assignUser?: string,
  ) => {
    const invitation = await createInvitation(server);
    const mac = await enrollMacAtPortal(server, {
      invitationUrl: invitation.url,
      username,
      password,
      assignUser,
      udid: UDID,
    });
    dirs.push(mac.dir);
    return invitation;
  };
  const enrollAs = (name: 'alice' | 'bob') =>
    enroll(name, slapd.people[name].password);
  /** The helpdesk's local account enrolls the Mac for carol. */
  const enrollByHelpdesk = () =>
    enroll(HELPDESK.username, HELPDESK.password, 'carol');
  const { computer, setRules, refusals } = reenrollmentApi(() => server, UDID);
  const setRestricted = (restrictToAuthorizedUsers: boolean) =>
    setRules({ restrictToAuthorizedUsers });

  it('refuses another user, accepts the recorded user and the privileged account, and everyone when off', async () => {
    const first = await enrollAs('alice');
    const enrolled = await computer();
    expect(enrolled).toMatchObject({
      status: 'enrolled',
      invitationId: first.id,
      user: { username: 'alice' },
    });

    await setRestricted(true);

    // Bob's profile for alice's Mac: Authenticate answers 403.
    await expect(enrollAs('bob')).rejects.toThrow(/^Authenticate: 403/);
    expect(await computer()).toEqual(enrolled);
    const [refusal] = await refusals();
    expect(refusal).toMatchObject({
      actor: 'bob',
      computerId: enrolled.id,
      data: { udid: UDID, recordedUser: 'alice', attemptedBy: 'bob' },
    });
    expect(refusal.message).toContain("recorded as alice's");
    expect(refusal.message).toContain('bob may not re-enroll it');

    // A portal account without the privilege is refused too…
    await expect(enrollByHelpdesk()).rejects.toThrow(/^Authenticate: 403/);
    expect(await computer()).toEqual(enrolled);
    expect(await refusals()).toHaveLength(2);

    // …alice herself enrolls her Mac again…
    const again = await enrollAs('alice');
    expect(await computer()).toMatchObject({
      id: enrolled.id,
      status: 'enrolled',
      invitationId: again.id,
      user: { username: 'alice' },
    });

    // …and so does the account once an admin grants it the privilege.
    const granted = await request(server)
      .patch(`/api/enrollment/portal-accounts/${HELPDESK.username}`)
      .set('Authorization', admin())
      .send({ mayReenrollAnyMac: true })
      .expect(200);
    expect(granted.body).toMatchObject({ mayReenrollAnyMac: true });
    const byHelpdesk = await enrollByHelpdesk();
    expect(await computer()).toMatchObject({
      id: enrolled.id,
      status: 'enrolled',
      invitationId: byHelpdesk.id,
      user: { username: 'carol' },
    });

    // Off: bob enrolls carol's Mac again.
    await setRestricted(false);
    const byBob = await enrollAs('bob');
    expect(await computer()).toMatchObject({
      id: enrolled.id,
      status: 'enrolled',
      invitationId: byBob.id,
      user: { username: 'bob' },
    });
    expect(await refusals()).toHaveLength(2);
  });
});
