export { enrollmentApiRef } from './EnrollmentApi';
export type {
  EnrollmentApi,
  CaSummary,
  PortalAccountChange,
} from './EnrollmentApi';
export { EnrollmentClient } from './EnrollmentClient';
