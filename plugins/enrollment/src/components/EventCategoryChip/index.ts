export { EventCategoryChip, eventCategoryOf } from './EventCategoryChip';
