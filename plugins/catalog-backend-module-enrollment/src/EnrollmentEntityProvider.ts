import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { EntityFilterQuery } from '@backstage/catalog-client';
import {
  CatalogService,
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { EventParams } from '@backstage/plugin-events-node';
import {
  Computer,
  EnrollmentEventPayload,
  macEntityName,
} from '@macenroll/plugin-enrollment-common';
import { computerEntityRef, computerToEntity } from './computerEntity';
import {
  chooseOwner,
  OwnerCandidates,
  ownerCandidatesOf,
  OwnerRules,
  siteGroupName,
} from './owner';

/** Where the provider reads the enrolled computers. */
export interface EnrolledComputerSource {
  listEnrolled(): Promise<Computer[]>;
  /** One computer as it is now; undefined once it no longer exists. */
  get(id: string): Promise<Computer | undefined>;
}

/** A Mac as published: the computer and its entity. */
interface Published {
  computer: Computer;
  deferred: DeferredEntity;
}

/** @public */
export interface EnrollmentEntityProviderOptions {
  logger: LoggerService;
  auth: AuthService;
  catalog: CatalogService;
  scheduler: SchedulerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  computers: EnrolledComputerSource;
  owners: OwnerRules;
  appBaseUrl?: string;
}

// A Mac whose person has no User yet (a catalog still reading its org, a
// person imported later) is looked at again: after 30 s, then doubling up
// to the 30 minutes of the usual schedule.
const FIRST_FOLLOW_UP_MS = 30_000;
const MAX_FOLLOW_UP_MS = 30 * 60_000;

const OWNER_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'spec.profile.email',
];

/**
 * Publishes every Mac enrolled with the enrollment plugin as a `Resource`
 * entity of type `mac`, owned by its person when the catalog knows them.
 * A full mutation runs on the schedule (and once at start); enrollments and
 * CheckOuts in between arrive as events and become delta mutations.
 *
 * @public
 */
export class EnrollmentEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private followUp?: NodeJS.Timeout;
  private followUpDelayMs = FIRST_FOLLOW_UP_MS;
  /** The last event of each Mac being applied, by computer id. */
  private readonly eventsInTurn = new Map<string, Promise<void>>();

  constructor(private readonly options: EnrollmentEntityProviderOptions) {}

  getProviderName(): string {
    return 'EnrollmentEntityProvider';
  }

  /** The id of the scheduled full run, for `scheduler.triggerTask`. */
  get taskId(): string {
    return `${this.getProviderName()}:refresh`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
  }

  /**
   * Schedules the full runs and has one run now: the scheduler keeps a
   * task's next run across restarts, so a restart alone would wait for it.
   * Called once the backend has started.
   */
  async scheduleFullRuns(): Promise<void> {
    const { scheduler, logger } = this.options;
    await scheduler.scheduleTask({
      id: this.taskId,
      ...this.options.schedule,
      fn: () => this.runFull(),
    });
    try {
      await scheduler.triggerTask(this.taskId);
    } catch (error) {
      // ConflictError: another replica is running it right now.
      logger.info(`The first full run of enrolled Macs waits: ${error}`);
    }
  }

  /** Replaces every Mac entity with the enrolled computers of now. */
  async runFull(): Promise<void> {
    const connection = this.connected();
    const computers = await this.options.computers.listEnrolled();
    const candidates = await this.findCandidates([
      { kind: 'user' },
      { kind: 'group' },
    ]);
    // One entity per name: the most recently enrolled Mac (the API's order).
    const published = new Map<string, Published>();
    for (const computer of computers) {
      const name = macEntityName(computer);
      if (!published.has(name)) {
        published.set(name, {
          computer,
          deferred: this.deferred(computer, candidates),
        });
      }
    }
    await connection.applyMutation({
      type: 'full',
      entities: [...published.values()].map(p => p.deferred),
    });
    this.options.logger.info(
      `Published ${published.size} enrolled Macs to the catalog`,
    );
    this.lookAgainFor([...published.values()]);
  }

  /**
   * An event of the `enrollment` topic: a Mac in or out, as a delta. What
   * the Mac is now decides, not what the event says: a delivery retried
   * late (a `computer.enrolled` overtaken by the CheckOut after it) must not
   * bring an unenrolled Mac back. One Mac's events are applied one after
   * another, each with its own read, so the last applied is the newest.
   */
  async onEvent(params: EventParams): Promise<void> {
    const event = params.eventPayload as Partial<EnrollmentEventPayload>;
    const told = event?.computer;
    if (!told?.id || !told.udid) return;
    if (
      event.type !== 'computer.enrolled' &&
      event.type !== 'computer.unenrolled'
    ) {
      return;
    }
    const id = told.id;
    const before = this.eventsInTurn.get(id) ?? Promise.resolve();
    const mine = before.then(() => this.applyCurrent(told as Computer));
    const settled = mine.then(
      () => {},
      () => {},
    );
    this.eventsInTurn.set(id, settled);
    try {
      await mine;
    } finally {
      if (this.eventsInTurn.get(id) === settled) this.eventsInTurn.delete(id);
    }
  }

  private async applyCurrent(told: Computer): Promise<void> {
    let computer: Computer | undefined;
    try {
      computer = await this.options.computers.get(told.id);
    } catch (error) {
      // The enrollment backend cannot say now (its database restarting, a
      // replica starting): the event's own account is the best there is,
      // and the next full run sets anything it got wrong right.
      this.options.logger.warn(
        `Could not read computer ${told.id} from the enrollment backend, so its event is applied as it came: ${error}`,
      );
      computer = told;
    }
    if (computer?.status === 'enrolled') {
      const candidates = await this.findCandidates(ownerFilters(computer));
      const deferred = this.deferred(computer, candidates);
      await this.connected().applyMutation({
        type: 'delta',
        added: [deferred],
        removed: [],
      });
      this.lookAgainFor([{ computer, deferred }]);
    } else {
      await this.connected().applyMutation({
        type: 'delta',
        added: [],
        removed: [
          {
            entityRef: computerEntityRef(computer ?? told),
            locationKey: this.getProviderName(),
          },
        ],
      });
    }
  }

  /**
   * Has a full run again soon while a published Mac names a person but is
   * owned by someone else for want of their User entity; the delay doubles
   * while that lasts, and starts over once every such Mac found its User.
   */
  private lookAgainFor(published: Published[]): void {
    const waiting = published.filter(
      ({ computer, deferred }) =>
        (computer.user.username?.trim() || computer.user.email?.trim()) &&
        !String(deferred.entity.spec?.owner).startsWith('user:'),
    ).length;
    if (!waiting) {
      if (!this.followUp) this.followUpDelayMs = FIRST_FOLLOW_UP_MS;
      return;
    }
    if (this.followUp) return;
    const delayMs = this.followUpDelayMs;
    this.followUpDelayMs = Math.min(delayMs * 2, MAX_FOLLOW_UP_MS);
    this.options.logger.info(
      `${waiting} enrolled Mac(s) name a person the catalog has no User for yet; looking again in ${Math.round(
        delayMs / 1000,
      )} s`,
    );
    this.followUp = setTimeout(() => {
      this.followUp = undefined;
      this.options.scheduler.triggerTask(this.taskId).catch(error =>
        // ConflictError: a full run is going on now, which looks anyway.
        this.options.logger.debug(`No follow-up full run: ${error}`),
      );
    }, delayMs);
    this.followUp.unref();
  }

  private deferred(
    computer: Computer,
    candidates: OwnerCandidates,
  ): DeferredEntity {
    return {
      entity: computerToEntity(computer, {
        owner: chooseOwner(computer, candidates, this.options.owners),
        appBaseUrl: this.options.appBaseUrl,
      }),
      locationKey: this.getProviderName(),
    };
  }

  private async findCandidates(
    filter: EntityFilterQuery,
  ): Promise<OwnerCandidates> {
    if (Array.isArray(filter) && filter.length === 0) {
      return { users: [], groups: [] };
    }
    const { items } = await this.options.catalog.getEntities(
      { filter, fields: OWNER_FIELDS },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    return ownerCandidatesOf(items);
  }

  private connected(): EntityProviderConnection {
    if (!this.connection) {
      throw new Error(
        'The enrollment entity provider is not connected to the catalog yet',
      );
    }
    return this.connection;
  }
}

/** The catalog query for one Mac's possible owners (filters are OR-ed). */
export function ownerFilters(
  computer: Pick<Computer, 'user' | 'site'>,
): Array<Record<string, string>> {
  const filters: Array<Record<string, string>> = [];
  const { username, email } = computer.user;
  if (username?.trim()) {
    filters.push({ kind: 'user', 'metadata.name': username.trim() });
  }
  if (email?.trim()) {
    filters.push({ kind: 'user', 'spec.profile.email': email.trim() });
  }
  const group = computer.site && siteGroupName(computer.site);
  if (group) filters.push({ kind: 'group', 'metadata.name': group });
  return filters;
}
