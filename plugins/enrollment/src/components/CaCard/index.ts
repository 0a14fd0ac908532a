export { CaCard } from './CaCard';
