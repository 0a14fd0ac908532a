// The demo backend (packages/backend/src/index.ts, the modules `npm run
// start:backend` runs) in a child process of the benchmark, without
// backstage-cli's file watcher, so the clients' crypto stays out of this
// process. Config comes from the `--config` arguments, as with the CLI.
//
// With BENCH_EVENT_LOOP=1 it also measures its event-loop delay
// (perf_hooks.monitorEventLoopDelay, 1 ms resolution) and CPU time, and
// answers the parent's IPC messages: 'reset' starts a new window, 'read'
// returns the window's figures.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { overridePackagePathResolution } from '@backstage/backend-plugin-api/testUtils';

export interface BackendWindow {
  /** Event-loop delay in ms, as the histogram records it (includes the 1 ms sampling interval). */
  delayMaxMs: number;
  delayP99Ms: number;
  delayP50Ms: number;
  /** CPU time (user + system, all threads) of the backend process in the window. */
  cpuMs: number;
  wallMs: number;
}

if (process.env.BENCH_EVENT_LOOP === '1' && process.send) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  let cpu = process.cpuUsage();
  let since = performance.now();
  process.on('message', (message: { type?: string }) => {
    if (message?.type === 'reset') {
      histogram.reset();
      cpu = process.cpuUsage();
      since = performance.now();
      process.send!({ type: 'reset' });
    } else if (message?.type === 'read') {
      const used = process.cpuUsage(cpu);
      const window: BackendWindow = {
        delayMaxMs: histogram.max / 1e6,
        delayP99Ms: histogram.percentile(99) / 1e6,
        delayP50Ms: histogram.percentile(50) / 1e6,
        cpuMs: (used.user + used.system) / 1000,
        wallMs: performance.now() - since,
      };
      process.send!({ type: 'read', window });
    }
  });
}
// The plugin's files (its migrations) are the ones next to this bench, also
// when the bench runs in another checkout that links this one's node_modules.
overridePackagePathResolution({
  packageName: '@macenroll/plugin-enrollment-backend',
  path: join(__dirname, '..'),
});

// The benchmark went away without stopping us: stop too.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));

// eslint-disable-next-line @backstage/no-relative-monorepo-imports
require(join(__dirname, '../../../packages/backend/src/index'));
