import { PushService } from '../apns/PushService';
import { EnrollmentStores } from '../database/createEnrollmentStores';
import { CommandQueue } from '../mdm/CommandQueue';
import { OutboundEvents } from '../outbound/OutboundEvents';

/**
 * Runs `fn` on one transaction of every store. The pushes and events for
 * other systems it asks for are written in it, and go out after the commit
 * (a Mac woken before it would fetch commands not yet there); its audit
 * lines wait for the commit too. After a rollback none of them happens.
 */
export async function atomicallyWithPushes<T>(
  stores: EnrollmentStores,
  push: PushService,
  outbound: OutboundEvents,
  fn: (tx: {
    stores: EnrollmentStores;
    queue: CommandQueue;
    outbound: OutboundEvents;
    afterCommit: (work: () => Promise<void>) => void;
  }) => Promise<T>,
): Promise<T> {
  let pushQueued = false;
  let eventsQueued = false;
  const afterCommit: Array<() => Promise<void>> = [];
  const result = await stores.transaction(txStores =>
    fn({
      stores: txStores,
      outbound: outbound.within(txStores, () => {
        eventsQueued = true;
      }),
      queue: new CommandQueue({
        commands: txStores.commands,
        // The push is written with the transaction: a database lost
        // right after the commit cannot lose it.
        push: {
          request: async computerId => {
            await push.requestWithin(txStores.pushQueue, computerId);
            pushQueued = true;
          },
        },
      }),
      afterCommit: work => afterCommit.push(work),
    }),
  );
  for (const work of afterCommit) await work();
  if (pushQueued) push.kick();
  if (eventsQueued) outbound.announce();
  return result;
}
