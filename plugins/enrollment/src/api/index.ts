export { enrollmentApiRef } from './EnrollmentApi';
export type { EnrollmentApi, CaSummary } from './EnrollmentApi';
export { EnrollmentClient } from './EnrollmentClient';
