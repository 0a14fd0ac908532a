export { ComputerPage } from './ComputerPage';
