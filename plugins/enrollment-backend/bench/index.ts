// `npm run bench`: the admin lists on PostgreSQL and SQLite, then the
// enrollment pipeline, SCEP against micromdm's scepserver, the event
// loop under refused SCEP requests, and one invitation's mail to 10,000
// recipients. BENCH_ONLY=lists|pipeline|scep|eventloop|fanout runs one of
// them.
import { runCleanups } from './cleanup';
import { onBenchDatabases } from './databases';
import { benchEventList } from './eventList.bench';
import { benchEventLoop } from './eventLoop.bench';
import { benchFanout } from './fanout.bench';
import { benchInvitationList } from './invitationList.bench';
import { benchPipeline } from './pipeline.bench';
import { benchScep } from './scep.bench';

const BENCHES: Record<string, () => Promise<void>> = {
  lists: () =>
    onBenchDatabases(async (name, knex) => {
      await benchInvitationList(name, knex);
      await benchEventList(name, knex);
    }),
  pipeline: benchPipeline,
  scep: benchScep,
  eventloop: benchEventLoop,
  fanout: benchFanout,
};

async function main() {
  const only = process.env.BENCH_ONLY;
  if (only && !BENCHES[only]) {
    throw new Error(
      `BENCH_ONLY=${only} is not one of ${Object.keys(BENCHES).join(', ')}`,
    );
  }
  for (const [name, bench] of Object.entries(BENCHES)) {
    if (!only || only === name) await bench();
  }
}

main()
  .catch(error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await runCleanups();
    // Keep-alive sockets and pools of the clients must not hold the process open.
    process.exit();
  });
