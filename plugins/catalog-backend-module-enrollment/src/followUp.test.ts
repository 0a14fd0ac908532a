import { mockServices } from '@backstage/backend-test-utils';
import { Computer } from '@macenroll/plugin-enrollment-common';
import { EnrollmentEntityProvider } from './EnrollmentEntityProvider';

const alice: Computer = {
  id: 'c-1',
  udid: 'U-1',
  serialNumber: 'C02ALICE01',
  status: 'enrolled',
  user: { username: 'alice', email: 'alice@example.com' },
  site: null,
};

/**
 * A Mac published before the catalog knew its person (a fresh install whose
 * org is still being read) is looked at again until it finds its User.
 */
describe('EnrollmentEntityProvider follow-up runs', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function setup() {
    let users: any[] = [];
    const owners: string[] = [];
    const scheduler = mockServices.scheduler.mock({
      triggerTask: jest.fn(async () => undefined),
    });
    const provider = new EnrollmentEntityProvider({
      logger: mockServices.logger.mock(),
      auth: mockServices.auth(),
      catalog: {
        getEntities: async () => ({ items: users }),
      } as any,
      scheduler,
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 } },
      computers: { listEnrolled: async () => [alice], get: async () => alice },
      owners: { siteGroups: new Map(), defaultOwner: 'group:default/it' },
    });
    provider.connect({
      applyMutation: async (mutation: any) => {
        const [added] =
          mutation.type === 'full' ? mutation.entities : mutation.added;
        owners.push(added.entity.spec.owner);
      },
      refresh: async () => undefined,
    });
    const userArrives = () => {
      users = [
        {
          kind: 'User',
          metadata: { name: 'alice', namespace: 'default' },
          spec: { profile: { email: 'alice@example.com' } },
        },
      ];
    };
    return { provider, scheduler, owners, userArrives };
  }

  it('runs again after 30 s, then 60 s, while the person has no User, and stops once they have one', async () => {
    const { provider, scheduler, owners, userArrives } = setup();
    await provider.onEvent({
      topic: 'enrollment',
      eventPayload: { type: 'computer.enrolled', computer: alice },
    });
    expect(owners).toEqual(['group:default/it']);

    jest.advanceTimersByTime(29_999);
    expect(scheduler.triggerTask).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(scheduler.triggerTask).toHaveBeenCalledWith(provider.taskId);

    // The follow-up run still finds no User: the next look is in 60 s.
    await provider.runFull();
    jest.advanceTimersByTime(59_999);
    expect(scheduler.triggerTask).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1);
    expect(scheduler.triggerTask).toHaveBeenCalledTimes(2);

    // The catalog read its org: the Mac is hers and nothing more is asked.
    userArrives();
    await provider.runFull();
    expect(owners.at(-1)).toBe('user:default/alice');
    jest.advanceTimersByTime(60 * 60_000);
    expect(scheduler.triggerTask).toHaveBeenCalledTimes(2);
  });
});
