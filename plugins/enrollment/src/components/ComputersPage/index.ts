export { ComputersPage } from './ComputersPage';
