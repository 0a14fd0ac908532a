import { z } from 'zod';
import { ADMIN_COMMAND_TYPES, COMPUTER_STATUSES } from '../types';
import { idSchema, listQueryString, pageFields, searchSchema } from './query';

/**
 * `GET /computers`: the query the backend parses from the query string,
 * with its defaults and limits.
 *
 * @public
 */
export const listComputersQuerySchema = z.strictObject({
  ...pageFields,
  siteId: idSchema.optional(),
  /** Only computers in this status (the catalog module reads `enrolled`). */
  status: z.enum(COMPUTER_STATUSES).optional(),
  /** Matches the name, the serial number and the user. */
  search: searchSchema,
});

/**
 * What a caller asks of the computer list; absent values take the defaults
 * of {@link listComputersQuerySchema}.
 *
 * @public
 */
export type ListComputersQuery = Partial<
  z.infer<typeof listComputersQuerySchema>
>;

/**
 * The query string of `GET /computers` (`''` or `?…`): what
 * {@link listComputersQuerySchema} reads back.
 *
 * @public
 */
export function toComputersQueryString(query: ListComputersQuery): string {
  return listQueryString(listComputersQuerySchema, query);
}

/**
 * `POST /computers/:id/commands`. `pin` (six digits) is for DeviceLock and
 * required there; `message` is shown on a locked Mac.
 *
 * @public
 */
export const queueCommandRequestSchema = z
  .strictObject({
    requestType: z.enum(ADMIN_COMMAND_TYPES),
    pin: z
      .string()
      .regex(/^\d{6}$/, 'the PIN is six digits')
      .optional(),
    message: z.string().max(500).optional(),
  })
  .refine(b => b.requestType !== 'DeviceLock' || b.pin, {
    message: 'Lock needs a six-digit PIN: the Mac asks for it to unlock',
    path: ['pin'],
  })
  .refine(b => b.requestType === 'DeviceLock' || !b.pin, {
    message: 'Only Lock takes a PIN',
    path: ['pin'],
  });

/** @public */
export type QueueCommandRequest = z.infer<typeof queueCommandRequestSchema>;
