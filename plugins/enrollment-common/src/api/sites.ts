import { z } from 'zod';
import { PORTAL_SETTINGS_LIMITS } from '../types';

/**
 * `POST /sites` and `PATCH /sites/:id`: a site's name.
 *
 * @public
 */
export const siteRequestSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'a site needs a name')
    .max(PORTAL_SETTINGS_LIMITS.siteName),
});

/** @public */
export type SiteRequest = z.infer<typeof siteRequestSchema>;
