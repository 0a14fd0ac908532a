export { EnrolledComputersCard } from './EnrolledComputersCard';
