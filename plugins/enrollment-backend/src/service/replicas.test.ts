import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  createTestDatabases,
  RunningSmtp,
  startSmtpServer,
  testDatabaseIds,
} from '@internal/test-harness';
import request from 'supertest';
import { enrollmentPlugin } from '../plugin';

jest.setTimeout(120_000);

const databases = createTestDatabases();

describe.each(testDatabaseIds(databases))(
  'two backend replicas on one %s database',
  id => {
    let smtp: RunningSmtp;
    beforeAll(async () => {
      smtp = await startSmtpServer({ acceptDelayMs: 20 });
    });
    afterAll(() => smtp.stop());

    it('send each invitation message exactly once', async () => {
      const knex = await databases.init(id);
      const replica = () =>
        startTestBackend({
          features: [
            enrollmentPlugin,
            mockServices.database.factory({ knex }),
            mockServices.rootConfig.factory({
              data: {
                enrollment: {
                  smtp: smtp.clientConfig(),
                  delivery: { intervalSeconds: 1, batchSize: 3 },
                },
              },
            }),
          ],
        });
      const a = await replica();
      const b = await replica();
      try {
        const recipients = Array.from(
          { length: 20 },
          (_, i) => `r${i}@example.com`,
        );
        const res = await request(a.server)
          .post('/api/enrollment/invitations')
          .set('Authorization', mockCredentials.user.header())
          .send({
            recipients,
            expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
            requireLogin: false,
            multipleUses: true,
          });
        expect(res.status).toBe(201);
        // Both replicas schedule the mail task every second on the shared database.

        await smtp.waitForMessages(20, 60_000);
        let status = '';
        for (let i = 0; i < 100 && status !== 'sent'; i++) {
          status = (
            await request(b.server)
              .get(`/api/enrollment/invitations/${res.body.id}`)
              .set('Authorization', mockCredentials.user.header())
          ).body.status;
          await new Promise(r => setTimeout(r, 100));
        }
        expect(status).toBe('sent');
        await new Promise(r => setTimeout(r, 1500)); // a later run must not resend
        const to = smtp.received.map(m => m.envelope.to[0]).sort();
        expect(to).toEqual([...recipients].sort());
      } finally {
        await a.stop();
        await b.stop();
        smtp.received.splice(0);
      }
    });
  },
);
