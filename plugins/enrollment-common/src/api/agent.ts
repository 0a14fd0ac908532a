import { z } from 'zod';

/**
 * `PUT /agent/url`: an https URL the backend downloads once to read and hash
 * the package; Macs then download it from there. The backend checks the
 * scheme and the download itself.
 *
 * @public
 */
export const agentPackageUrlRequestSchema = z.strictObject({
  url: z.string().trim().min(1, 'give the https URL of the package').max(2048),
});

/** @public */
export type AgentPackageUrlRequest = z.infer<
  typeof agentPackageUrlRequestSchema
>;
