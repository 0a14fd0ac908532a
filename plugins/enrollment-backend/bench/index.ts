// `npm run bench`: the admin lists on PostgreSQL and SQLite.
import { onBenchDatabases } from './databases';
import { benchEventList } from './eventList.bench';
import { benchInvitationList } from './invitationList.bench';

onBenchDatabases(async (name, knex) => {
  await benchInvitationList(name, knex);
  await benchEventList(name, knex);
}).catch(error => {
  process.stderr.write(`${error}\n`);
  process.exit(1);
});
