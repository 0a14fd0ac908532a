export { EntityMacCard } from './EntityMacCard';
