/** What a filter bar above a `PagedTable` gets from `useServerPage`. */
export interface FilterBarProps<F> {
  value: F;
  onChange: (patch: Partial<F>) => void;
}
