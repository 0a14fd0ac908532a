import { z } from 'zod';
import type { Computer } from '../types';

// `kind:[namespace/]name` as the catalog writes refs; only the two kinds
// whose entity pages show Macs. Names follow the catalog's own rule.
const CATALOG_NAME = '[A-Za-z0-9](?:[-_.]?[A-Za-z0-9])*';
const MAC_OWNER_OR_MAC_REF = new RegExp(
  `^(?:user|resource):(?:${CATALOG_NAME}/)?${CATALOG_NAME}$`,
  'i',
);

/**
 * `GET /entity-computers`: the catalog entity whose Macs to list, a `User`
 * (the Macs that belong to that person) or a Mac's own `Resource`.
 *
 * @public
 */
export const entityComputersQuerySchema = z.strictObject({
  entityRef: z
    .string()
    .trim()
    .max(320)
    .regex(
      MAC_OWNER_OR_MAC_REF,
      'give the ref of a User or Resource entity, such as user:default/jane.doe or resource:default/C02XYZ123',
    ),
});

/** @public */
export type EntityComputersQuery = z.infer<typeof entityComputersQuerySchema>;

/**
 * What `GET /entity-computers` answers: enrolling and enrolled computers,
 * most recently enrolled first; unenrolled ones are left out.
 *
 * @public
 */
export interface EntityComputers {
  items: Computer[];
}
