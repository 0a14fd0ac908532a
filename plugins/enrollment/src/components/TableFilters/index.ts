export { ChoiceFilter } from './ChoiceFilter';
export type { FilterBarProps } from './FilterBarProps';
export { SearchFilter } from './SearchFilter';
export { SiteFilter } from './SiteFilter';
export { useFilterLabelClass } from './useFilterLabelClass';
