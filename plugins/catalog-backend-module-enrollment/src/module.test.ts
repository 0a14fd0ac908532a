import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogBackend from '@backstage/plugin-catalog-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import {
  enrollSimulatedMac,
  RunningSlapd,
  SEED_PEOPLE,
  SimulatedMac,
  startSlapd,
} from '@internal/test-harness';
// The real enrollment plugin runs beside the catalog here, as in a backend.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import enrollmentBackend from '@macenroll/plugin-enrollment-backend';
import catalogModuleEnrollment, { EnrollmentEntityProvider } from '.';

jest.setTimeout(180_000);

const ADMIN = mockCredentials.user.header('user:default/admin');
const FULL_RUN = 'EnrollmentEntityProvider:refresh';

// The catalog's people: alice by her directory uid; Bob under another name
// but with his e-mail; carol and smith are not in it at all.
const ORG_YAML = `
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: alice }
spec: { profile: { email: alice.archer@example.org }, memberOf: [] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: robert }
spec: { profile: { email: ${SEED_PEOPLE.bob.mail} }, memberOf: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: design-studio }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: it-admins }
spec: { type: team, children: [] }
`;

/** Polls `probe` until it returns a value, for at most `timeoutMs`. */
async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`${what}: not so within ${timeoutMs} ms`);
    }
    await new Promise(r => setTimeout(r, 250));
  }
}

/**
 * The catalog with this module, the real enrollment backend (LDAP login
 * against slapd) and the org from a YAML file. With
 * `sharedEvents`, the plugins share Backstage's events service, as in a
 * real backend; without, each plugin has its own and no event crosses.
 */
async function startCatalogWithEnrollment(options: {
  slapd: RunningSlapd;
  orgFile: string;
  sharedEvents: boolean;
}) {
  const { slapd } = options;
  let scheduler: SchedulerService | undefined;
  // The catalog's scheduler, to trigger the full run by hand.
  const schedulerProbe = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'scheduler-probe',
    register(env) {
      env.registerInit({
        deps: { s: coreServices.scheduler },
        async init({ s }) {
          scheduler = s;
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      catalogBackend,
      catalogModuleEnrollment,
      schedulerProbe,
      enrollmentBackend,
      ...(options.sharedEvents ? [eventsServiceFactory] : []),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          events: { useEventBus: 'never' },
          catalog: {
            rules: [{ allow: ['User', 'Group', 'Resource', 'Location'] }],
            locations: [{ type: 'file', target: options.orgFile }],
            providers: {
              enrollment: { defaultOwner: 'group:default/it-admins' },
            },
          },
          enrollment: {
            organization: 'Acme',
            topic:
              'com.apple.mgmt.External.11111111-2222-3333-4444-555555555555',
            allowInsecureUrls: true,
            ldap: {
              url: slapd.url,
              bindDn: slapd.bindDn,
              bindPassword: slapd.bindPassword,
              users: { baseDn: slapd.baseDn, filter: '(uid={username})' },
            },
          },
        },
      }),
    ],
  });
  const backendUrl = `http://localhost:${backend.server.port()}`;

  const api = async (method: string, path: string, body?: object) => {
    const res = await fetch(`${backendUrl}${path}`, {
      method,
      headers: { Authorization: ADMIN, 'Content-Type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    return { status: res.status, body: await res.json().catch(() => ({})) };
  };
  const macEntity = async (name: string): Promise<Entity | undefined> => {
    const res = await api(
      'GET',
      `/api/catalog/entities/by-name/resource/default/${name}`,
    );
    return res.status === 200 ? res.body : undefined;
  };

  // The org file is read by the catalog's own processing: wait for it, so
  // owners can be found.
  await eventually('the catalog has read the org file', async () => {
    const res = await api(
      'GET',
      '/api/catalog/entities/by-name/user/default/robert',
    );
    return res.status === 200 ? true : undefined;
  });

  return {
    backendUrl,
    api,
    macEntity,
    /** Runs the scheduled full mutation now and waits for it. */
    runFull: () => scheduler!.triggerTask(FULL_RUN),
    /** A Mac enrolled at the portal with this login, optionally from an invitation. */
    enroll: (
      login: { username: string; password: string },
      udid: string,
      invitationUrl?: string,
    ) =>
      enrollSimulatedMac({
        backendUrl,
        ...login,
        udid,
        deviceName: `${login.username}'s Mac`,
        invitationUrl,
      }),
    /** A site and a login-required invitation into it; its link. */
    async invitationForSite(name: string): Promise<string> {
      const site = await api('POST', '/api/enrollment/sites', { name });
      expect(site.status).toBe(201);
      const invitation = await api('POST', '/api/enrollment/invitations', {
        recipients: [],
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        requireLogin: true,
        multipleUses: false,
        siteId: site.body.id,
      });
      expect(invitation.status).toBe(201);
      return invitation.body.url;
    },
    stop: () => backend.stop(),
  };
}

/** The entity name of a simulated Mac: the serial number it reports. */
const nameOf = (mac: SimulatedMac) => `SN-${mac.udid.slice(0, 8)}`;

/** The Mac removes its management profile. */
async function checkOut(mac: SimulatedMac) {
  const res = await mac.send(mac.checkInUrl, {
    MessageType: 'CheckOut',
    Topic: mac.topic,
    UDID: mac.udid,
  });
  expect(res.status).toBe(200);
}

const login = (person: { uid: string; password: string }) => ({
  username: person.uid,
  password: person.password,
});

describe('the enrollment catalog module with a real catalog and enrollment backend', () => {
  let slapd: RunningSlapd;
  let dir: string;
  let orgFile: string;
  const macs: SimulatedMac[] = [];

  beforeAll(async () => {
    slapd = await startSlapd();
    dir = mkdtempSync(join(tmpdir(), 'catalog-org-'));
    orgFile = join(dir, 'org.yaml');
    writeFileSync(orgFile, ORG_YAML);
  });
  afterAll(async () => {
    for (const mac of macs) mac.remove();
    await slapd?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('publishes enrolled Macs on the full run, owned by their user, their site group or the default owner, and drops them after CheckOut', async () => {
    // No shared events service: only the full run can bring Macs in.
    const catalog = await startCatalogWithEnrollment({
      slapd,
      orgFile,
      sharedEvents: false,
    });
    try {
      const alices = await catalog.enroll(
        login(SEED_PEOPLE.alice),
        'A1100000-0000-4000-8000-000000000001',
      );
      macs.push(alices);
      const carols = await catalog.enroll(
        login(SEED_PEOPLE.carol),
        'C1100000-0000-4000-8000-000000000003',
        await catalog.invitationForSite('Design Studio'),
      );
      macs.push(carols);
      const smiths = await catalog.enroll(
        login(SEED_PEOPLE.smith),
        'E1100000-0000-4000-8000-000000000004',
      );
      macs.push(smiths);
      expect(await catalog.macEntity(nameOf(alices))).toBeUndefined();

      await catalog.runFull();
      const alice = await eventually('alice’s Mac is in the catalog', () =>
        catalog.macEntity(nameOf(alices)),
      );
      expect(alice.spec).toEqual({ type: 'mac', owner: 'user:default/alice' });
      expect(alice.metadata.title).toBe("alice's Mac");
      expect(alice.metadata.annotations).toMatchObject({
        'macenroll.io/udid': alices.udid,
        'macenroll.io/serial-number': nameOf(alices),
      });
      const computerId =
        alice.metadata.annotations!['macenroll.io/computer-id'];
      expect(alice.metadata.links).toEqual([
        expect.objectContaining({
          url: `http://localhost:3000/enrollment/computers/${computerId}`,
        }),
      ]);
      expect(alice.relations).toContainEqual({
        type: 'ownedBy',
        targetRef: 'user:default/alice',
      });

      const carol = await eventually('carol’s Mac is in the catalog', () =>
        catalog.macEntity(nameOf(carols)),
      );
      expect(carol.spec?.owner).toBe('group:default/design-studio');
      expect(carol.metadata.labels).toMatchObject({
        'macenroll.io/site': 'Design-Studio',
      });
      // Neither a user nor a site: the configured default owner.
      const smith = await eventually('smith’s Mac is in the catalog', () =>
        catalog.macEntity(nameOf(smiths)),
      );
      expect(smith.spec?.owner).toBe('group:default/it-admins');

      await checkOut(alices);
      await catalog.runFull();
      await eventually('alice’s Mac has left the catalog', async () =>
        (await catalog.macEntity(nameOf(alices))) ? undefined : true,
      );
      expect(await catalog.macEntity(nameOf(carols))).toBeDefined();
    } finally {
      await catalog.stop();
    }
  });

  it('adds an enrolled Mac and removes a checked-out one from events, without a full run', async () => {
    const catalog = await startCatalogWithEnrollment({
      slapd,
      orgFile,
      sharedEvents: true,
    });
    // The test scheduler runs a task only at start and when triggered; the
    // spy shows that no full run happens from here on.
    const fullRuns = jest.spyOn(EnrollmentEntityProvider.prototype, 'runFull');
    try {
      const runsAtStart = fullRuns.mock.calls.length;
      const bobs = await catalog.enroll(
        login(SEED_PEOPLE.bob),
        'B2200000-0000-4000-8000-000000000002',
      );
      macs.push(bobs);
      const bob = await eventually('bob’s Mac is in the catalog', () =>
        catalog.macEntity(nameOf(bobs)),
      );
      // Found by e-mail: the catalog knows Bob as robert.
      expect(bob.spec?.owner).toBe('user:default/robert');

      await checkOut(bobs);
      await eventually('bob’s Mac has left the catalog', async () =>
        (await catalog.macEntity(nameOf(bobs))) ? undefined : true,
      );
      expect(fullRuns.mock.calls.length).toBe(runsAtStart);
    } finally {
      fullRuns.mockRestore();
      await catalog.stop();
    }
  });
});
