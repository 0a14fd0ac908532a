export { EntityMacsCard } from './EntityMacsCard';
