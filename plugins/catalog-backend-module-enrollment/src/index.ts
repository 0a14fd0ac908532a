/**
 * Catalog backend module: every Mac enrolled with the Mac enrollment plugin
 * as a `Resource` entity of type `mac`, owned by its person.
 *
 * @packageDocumentation
 */
export { catalogModuleEnrollment as default } from './module';
export {
  EnrollmentEntityProvider,
  type EnrollmentEntityProviderOptions,
  type EnrolledComputerSource,
} from './EnrollmentEntityProvider';
export type { OwnerRules } from './owner';
