import { z } from 'zod';
import { ENROLLMENT_EVENT_CATEGORIES } from '../types';
import { idSchema, listQueryString, pageFields, searchSchema } from './query';

/**
 * `GET /events`: the query the backend parses from the query string, with
 * its defaults and limits.
 *
 * @public
 */
export const listEventsQuerySchema = z.strictObject({
  ...pageFields,
  category: z.enum(ENROLLMENT_EVENT_CATEGORIES).optional(),
  invitationId: idSchema.optional(),
  computerId: idSchema.optional(),
  /** Text in the message or the actor. */
  search: searchSchema,
});

/**
 * What a caller asks of the activity log; absent values take the defaults
 * of {@link listEventsQuerySchema}.
 *
 * @public
 */
export type ListEventsQuery = Partial<z.infer<typeof listEventsQuerySchema>>;

/**
 * The query string of `GET /events` (`''` or `?…`): what
 * {@link listEventsQuerySchema} reads back.
 *
 * @public
 */
export function toEventsQueryString(query: ListEventsQuery): string {
  return listQueryString(listEventsQuerySchema, query);
}
