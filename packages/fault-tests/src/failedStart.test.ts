import { freePort } from '@internal/test-harness';
import { startReplica } from './replica';

// The replica transpiles the backend as it starts: minutes on a busy machine.
jest.setTimeout(600_000);

/**
 * A replica whose start fails must exit, not keep listening half-started:
 * an orchestrator restarts a process that exits, never one that answers.
 */
describe('a backend that cannot start', () => {
  it('exits with a failure and says why', async () => {
    const replica = startReplica({
      name: 'bad-config',
      port: await freePort(),
      config: {
        backend: {
          database: { client: 'better-sqlite3', connection: ':memory:' },
        },
        // Refused by the enrollment plugin at start-up.
        enrollment: { topic: 'not-an-apns-topic' },
      },
    });
    try {
      // Without the exit it would listen for ever; three minutes is plenty
      // for a start that fails in seconds, even on a busy machine.
      const stillRunning = new Promise(resolve =>
        setTimeout(() => resolve('still running'), 180_000).unref(),
      );
      await expect(Promise.race([replica.exited, stillRunning])).resolves.toBe(
        1,
      );
      expect(replica.output()).toMatch(
        /enrollment\.topic must begin with "com\.apple\.mgmt\."/,
      );
    } finally {
      await replica.stop();
    }
  });
});
