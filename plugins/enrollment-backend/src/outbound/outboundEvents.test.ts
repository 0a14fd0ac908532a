import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import {
  EnrollmentEventPayload,
  ENROLLMENT_EVENTS_TOPIC,
} from '@macenroll/plugin-enrollment-common';
import {
  eventually,
  RunningSlapd,
  RunningWebhookReceiver,
  startWebhookReceiver,
} from '@internal/test-harness';
import plist from 'plist';
import request from 'supertest';
import {
  createInvitation,
  enrollMacAtPortal,
  startEnrollmentBackend,
} from '../__testUtils__/macAtPortal';

jest.setTimeout(120_000);

const SECRET = 'webhook-secret-0123456789abcdef';
const UDID = 'BBBB0000-0000-4000-8000-0000000000E1';

/** What Backstage's events service carried on the `enrollment` topic. */
const published: EnrollmentEventPayload[] = [];
const subscriber = createBackendModule({
  pluginId: 'enrollment',
  moduleId: 'test-subscriber',
  register(env) {
    env.registerInit({
      deps: { events: eventsServiceRef },
      async init({ events }) {
        await events.subscribe({
          id: 'test-subscriber',
          topics: [ENROLLMENT_EVENTS_TOPIC],
          onEvent: async params => {
            published.push(params.eventPayload as EnrollmentEventPayload);
          },
        });
      },
    });
  },
});

/**
 * A Mac's life reaches other systems: Backstage's events service, a
 * notification to whoever made the invitation (the real notifications
 * backend), and a signed webhook that is briefly down and still gets each
 * event exactly once.
 */
describe('events out', () => {
  let slapd: RunningSlapd;
  let server: any;
  let receiver: RunningWebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver({ secret: SECRET, failFirst: 2 });
    ({ server, slapd } = await startEnrollmentBackend(
      {
        webhook: {
          url: receiver.url,
          secret: SECRET,
          initialRetrySeconds: 0.05,
        },
      },
      {
        config: { app: { baseUrl: 'http://localhost:3000' } },
        features: [subscriber, notificationsPlugin],
      },
    ));
  });
  afterAll(async () => {
    await slapd?.stop();
    await receiver?.stop();
  });

  const webhookEvents = (type: string) =>
    receiver.accepted().filter(e => e.type === type);

  it('publishes enrolled, used, failed and unenrolled; notifies the creator; the webhook gets each once, signed', async () => {
    const invitation = await createInvitation(server);
    const mac = await enrollMacAtPortal(server, {
      invitationUrl: invitation.url,
      username: 'alice',
      password: slapd.people.alice.password,
      udid: UDID,
      serialNumber: 'C02EVENTS01',
    });

    // Enrolled: on the events service and the webhook, with who and where.
    await eventually(
      () => published.map(e => e.type),
      types =>
        types.includes('computer.enrolled') &&
        types.includes('invitation.used'),
      'enrolled and used on the events service',
    );
    const enrolled = published.find(e => e.type === 'computer.enrolled')!;
    expect(enrolled).toMatchObject({
      id: expect.any(String),
      occurredAt: expect.any(String),
      computer: {
        udid: UDID,
        serialNumber: 'C02EVENTS01',
        status: 'enrolled',
        user: { username: 'alice', email: slapd.people.alice.mail },
      },
      invitation: {
        id: invitation.id,
        number: expect.any(Number),
        createdBy: 'user:default/admin',
      },
    });
    await eventually(
      () => receiver.accepted().map(e => e.type),
      types =>
        types.includes('computer.enrolled') &&
        types.includes('invitation.used'),
      'enrolled and used at the webhook',
    );
    expect(webhookEvents('computer.enrolled')[0]).toEqual(enrolled);

    // The receiver was down for the first two tries: retried, then taken.
    expect(receiver.deliveries.filter(d => d.status === 503)).toHaveLength(2);
    const first = receiver.deliveries[0];
    expect(first.headers['content-type']).toBe('application/json');
    expect(first.headers['x-enrollment-event-id']).toBe(
      JSON.parse(first.body).id,
    );

    // The invitation's creator hears of it through Backstage notifications.
    const notifications = await eventually(
      async () =>
        (
          await request(server)
            .get('/api/notifications/notifications')
            .set(
              'Authorization',
              mockCredentials.user.header('user:default/admin'),
            )
        ).body.notifications ?? [],
      (list: any[]) => list.length > 0,
      'a notification for the invitation creator',
    );
    expect(notifications).toHaveLength(1);
    expect(notifications[0].payload).toMatchObject({
      title: expect.stringMatching(/enrolled with invitation #\d+/),
      link: `/enrollment/invitations/${invitation.id}`,
    });
    const othersNotes = await request(server)
      .get('/api/notifications/notifications')
      .set('Authorization', mockCredentials.user.header('user:default/alice'));
    expect(othersNotes.body.notifications ?? []).toHaveLength(0);

    // A command the Mac answers with an error.
    const udid = UDID;
    const next = plist.parse(
      (await mac.send(mac.connectPath, { Status: 'Idle', UDID: udid })).text,
    ) as any;
    await mac.send(mac.connectPath, {
      Status: 'Error',
      UDID: udid,
      CommandUUID: next.CommandUUID,
      ErrorChain: [
        {
          ErrorCode: 12021,
          ErrorDomain: 'MCMDMErrorDomain',
          LocalizedDescription: 'Not now, really',
        },
      ],
    });
    await eventually(
      () => receiver.accepted().map(e => e.type),
      types => types.includes('command.failed'),
      'command.failed at the webhook',
    );
    expect(webhookEvents('command.failed')[0].command).toMatchObject({
      requestType: 'DeviceInformation',
      error: expect.stringContaining('Not now, really'),
    });

    // The Mac removes its profile.
    const out = await mac.send(mac.checkinPath, {
      MessageType: 'CheckOut',
      Topic: mac.mdmPayload.Topic,
      UDID: udid,
    });
    expect(out.status).toBe(200);
    await eventually(
      () => receiver.accepted().map(e => e.type),
      types => types.includes('computer.unenrolled'),
      'computer.unenrolled at the webhook',
    );
    expect(webhookEvents('computer.unenrolled')[0].computer).toMatchObject({
      udid,
      status: 'unenrolled',
    });

    // Each event exactly once, on both channels, in the order it happened.
    const ids = receiver.accepted().map(e => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(receiver.accepted().map(e => e.type)).toEqual([
      'invitation.used',
      'computer.enrolled',
      'command.failed',
      'computer.unenrolled',
    ]);
    expect(published.map(e => e.type)).toEqual([
      'invitation.used',
      'computer.enrolled',
      'command.failed',
      'computer.unenrolled',
    ]);
    expect(receiver.deliveries.every(d => d.signatureValid)).toBe(true);
    // The secret travels only as the key of the signature.
    expect(receiver.deliveries.some(d => d.body.includes(SECRET))).toBe(false);
  });
});
