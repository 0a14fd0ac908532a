import { RunningSlapd, SEED_GROUPS } from '@internal/test-harness';
import { rmSync } from 'node:fs';
import {
  createInvitation,
  enrollMacAtPortal,
  startEnrollmentBackend,
} from '../__testUtils__/macAtPortal';
import { reenrollmentApi } from '../__testUtils__/reenrollmentApi';

jest.setTimeout(180_000);

const UDID = 'REE00000-0000-4000-8000-0000000000G1';

/**
 * Jamf's re-enrollment privilege for directory people: while re-enrollment
 * is restricted, a member of an authorized group (read from slapd when the
 * Mac authenticates) may enroll anyone's Mac again; a directory user outside
 * those groups may not. Real signed check-ins, as a Mac sends them.
 */
describe('re-enrollment by members of authorized directory groups', () => {
  let slapd: RunningSlapd;
  let server: any;
  const dirs: string[] = [];

  beforeAll(async () => {
    ({ server, slapd } = await startEnrollmentBackend(
      {},
      { ldapGroups: true },
    ));
  });
  afterAll(async () => {
    await slapd?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const enrollAs = async (
    name: 'alice' | 'bob' | 'carol' | 'smith',
    beforeAuthenticate?: () => Promise<void>,
  ) => {
    const invitation = await createInvitation(server);
    const mac = await enrollMacAtPortal(server, {
      invitationUrl: invitation.url,
      username: slapd.people[name].uid,
      password: slapd.people[name].password,
      udid: UDID,
      beforeAuthenticate,
    });
    dirs.push(mac.dir);
    return invitation;
  };
  const { computer, setRules, refusals } = reenrollmentApi(() => server, UDID);
  const refusedPeople = async () =>
    (await refusals()).map(e => e.data.attemptedBy).reverse();

  it('lets a member of an authorized group re-enroll anyone’s Mac, as the directory says when the Mac authenticates', async () => {
    expect(SEED_GROUPS['mac-users']).toEqual(['alice', 'smith']);
    expect(SEED_GROUPS.contractors).toEqual(['carol']);
    await enrollAs('bob');
    const enrolled = await computer();
    expect(enrolled).toMatchObject({
      status: 'enrolled',
      user: { username: 'bob' },
    });
    await setRules({
      restrictToAuthorizedUsers: true,
      authorizedGroups: ['mac-users'],
    });

    // Carol is in the directory, but only in contractors.
    await expect(enrollAs('carol')).rejects.toThrow(/^Authenticate: 403/);
    expect(await computer()).toEqual(enrolled);

    // Smith was in mac-users when he logged in, and is taken out of it
    // before his Mac authenticates: the directory of now decides.
    await expect(
      enrollAs('smith', () =>
        slapd.modify(
          [
            `dn: cn=mac-users,ou=groups,${slapd.baseDn}`,
            'changetype: modify',
            'delete: member',
            `member: ${slapd.people.smith.dn}`,
            '',
          ].join('\n'),
        ),
      ),
    ).rejects.toThrow(/^Authenticate: 403/);
    expect(await computer()).toEqual(enrolled);
    expect(await refusedPeople()).toEqual(['carol', 'jsmith']);

    // Alice is in mac-users: bob's Mac enrolls again, now as hers.
    const byAlice = await enrollAs('alice');
    expect(await computer()).toMatchObject({
      id: enrolled.id,
      status: 'enrolled',
      invitationId: byAlice.id,
      user: { username: 'alice' },
    });

    // Only contractors now: smith is refused alice's Mac, carol enrolls it.
    await setRules({ authorizedGroups: ['contractors'] });
    await expect(enrollAs('smith')).rejects.toThrow(/^Authenticate: 403/);
    const byCarol = await enrollAs('carol');
    expect(await computer()).toMatchObject({
      id: enrolled.id,
      invitationId: byCarol.id,
      user: { username: 'carol' },
    });
    expect(await refusedPeople()).toEqual(['carol', 'jsmith', 'jsmith']);
  });
});
