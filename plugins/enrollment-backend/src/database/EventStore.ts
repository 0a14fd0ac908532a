import {
  EnrollmentEvent,
  ListEventsQuery,
} from '@macenroll/plugin-enrollment-common';
import { ListTotal } from './listCount';

/** Something an admin, an enrolling person or a Mac did, to be recorded. */
export interface NewEnrollmentEvent {
  type: string;
  actor?: string;
  invitationId?: string;
  computerId?: string;
  message: string;
  data?: Record<string, unknown>;
}

/** Where the parts of the plugin note what happened. */
export interface EventRecorder {
  /** Notes the event, dated now. */
  record(event: NewEnrollmentEvent): Promise<void>;
}

/** The plugin's own event log, which the admin UI lists. */
export interface EventStore extends EventRecorder {
  /** Deletes events recorded before `cutoff`; returns how many. */
  deleteOlderThan(cutoff: Date): Promise<number>;
  /**
   * A page of the events, newest first, and how many match in all (exact
   * up to EXACT_COUNT_LIMIT, see ListTotal). `category` matches the part of
   * the type before its dot; `search` the message or the actor.
   */
  list(
    query: Required<Pick<ListEventsQuery, 'offset' | 'limit'>> &
      ListEventsQuery,
  ): Promise<{ items: EnrollmentEvent[] } & ListTotal>;
}
