import { z } from 'zod';
import { PORTAL_SETTINGS_LIMITS } from '../types';
import { deviceRulesSchema } from './deviceRules';

/**
 * `POST /sites` and `PATCH /sites/:id`: a site's name, and what a Mac must
 * be to enroll into it (`deviceRules`; `null` removes them, leaving it out
 * keeps them).
 *
 * @public
 */
export const siteRequestSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'a site needs a name')
    .max(PORTAL_SETTINGS_LIMITS.siteName),
  deviceRules: deviceRulesSchema.nullable().optional(),
});

/** @public */
export type SiteRequest = z.infer<typeof siteRequestSchema>;
