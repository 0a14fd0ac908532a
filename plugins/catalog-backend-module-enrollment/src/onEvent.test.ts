import { mockServices } from '@backstage/backend-test-utils';
import { Computer } from '@macenroll/plugin-enrollment-common';
import { EnrollmentEntityProvider } from './EnrollmentEntityProvider';

const then: Computer = {
  id: 'c-1',
  udid: 'U-1',
  serialNumber: 'C02ALICE01',
  name: 'Alice’s MacBook',
  status: 'enrolled',
  user: { username: 'alice' },
  site: null,
};

/**
 * Events decide nothing on their own: the provider asks the enrollment
 * backend what the Mac is now, so a delivery that comes late cannot undo
 * what happened after it.
 */
describe('EnrollmentEntityProvider events', () => {
  function setup(
    now: Computer | undefined,
    get: (id: string) => Promise<Computer | undefined> = jest.fn(
      async () => now,
    ),
  ) {
    const mutations: any[] = [];
    const provider = new EnrollmentEntityProvider({
      logger: mockServices.logger.mock(),
      auth: mockServices.auth(),
      catalog: { getEntities: async () => ({ items: [] }) } as any,
      scheduler: mockServices.scheduler.mock(),
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 } },
      computers: { listEnrolled: async () => [], get },
      owners: { siteGroups: new Map(), defaultOwner: 'group:default/it' },
    });
    provider.connect({
      applyMutation: async (mutation: any) => {
        mutations.push(mutation);
      },
      refresh: async () => undefined,
    });
    const deliver = (type: string, computer: Computer = then) =>
      provider.onEvent({
        topic: 'enrollment',
        eventPayload: { type, computer },
      });
    return { mutations, get, deliver };
  }

  const removal = (name: string) => ({
    type: 'delta',
    added: [],
    removed: [
      {
        entityRef: `resource:default/${name}`,
        locationKey: 'EnrollmentEntityProvider',
      },
    ],
  });

  it('keeps a Mac that checked out out of the catalog when its enrollment event comes late', async () => {
    const { mutations, get, deliver } = setup({
      ...then,
      status: 'unenrolled',
    });
    await deliver('computer.enrolled');
    expect(get).toHaveBeenCalledWith('c-1');
    expect(mutations).toEqual([removal('c02alice01')]);
  });

  it('keeps a Mac that enrolled again in the catalog, as it is now, when its CheckOut event comes late', async () => {
    const { mutations, deliver } = setup({
      ...then,
      name: 'Alice’s new name',
    });
    await deliver('computer.unenrolled', { ...then, status: 'unenrolled' });
    expect(mutations).toHaveLength(1);
    expect(mutations[0].removed).toEqual([]);
    expect(mutations[0].added.map((d: any) => d.entity.metadata)).toEqual([
      expect.objectContaining({
        name: 'C02ALICE01',
        title: 'Alice’s new name',
      }),
    ]);
  });

  it('removes a Mac the enrollment backend no longer has, by the name the event gives', async () => {
    const { mutations, deliver } = setup(undefined);
    await deliver('computer.unenrolled');
    expect(mutations).toEqual([removal('c02alice01')]);
  });

  it('asks nothing for events about other things', async () => {
    const { mutations, get, deliver } = setup(then);
    await deliver('invitation.used');
    await deliver('command.failed');
    expect(get).not.toHaveBeenCalled();
    expect(mutations).toEqual([]);
  });

  it('applies one Mac’s events one after the other, so the newest state is the one left', async () => {
    // Two reads in flight at once could finish in either order; here the
    // second event's read waits for the first event to be applied.
    const answers: ((c: Computer) => void)[] = [];
    const get = jest.fn(
      () => new Promise<Computer>(resolve => answers.push(resolve)),
    );
    const { mutations, deliver } = setup(undefined, get);
    const enrolled = deliver('computer.enrolled');
    const unenrolled = deliver('computer.unenrolled');
    await Promise.resolve();
    await new Promise(setImmediate);
    expect(get).toHaveBeenCalledTimes(1);

    answers[0](then);
    await enrolled;
    await new Promise(setImmediate);
    expect(get).toHaveBeenCalledTimes(2);
    answers[1]({ ...then, status: 'unenrolled' });
    await unenrolled;

    expect(mutations.map(m => (m.added.length ? 'added' : 'removed'))).toEqual([
      'added',
      'removed',
    ]);
  });

  it('applies the event as it came when the enrollment backend cannot answer', async () => {
    const { mutations, deliver } = setup(
      undefined,
      jest.fn(async () => {
        throw new Error('503 try again');
      }),
    );
    await deliver('computer.enrolled');
    await deliver('computer.unenrolled', { ...then, status: 'unenrolled' });
    expect(mutations.map(m => m.added.length)).toEqual([1, 0]);
    expect(mutations[1]).toEqual(removal('c02alice01'));
  });
});
