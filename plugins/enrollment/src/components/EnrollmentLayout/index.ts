export { EnrollmentLayout } from './EnrollmentLayout';
