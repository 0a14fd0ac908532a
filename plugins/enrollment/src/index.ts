/**
 * Frontend plugin for user-initiated enrollment of Macs.
 *
 * @packageDocumentation
 */
export {
  enrollmentPlugin,
  EnrollmentPage,
  EntityMacCard,
  EntityMacsCard,
} from './plugin';
export { enrollmentApiRef, EnrollmentClient } from './api';
export type { EnrollmentApi, CaSummary, PortalAccountChange } from './api';
