import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Grid from '@material-ui/core/Grid';
import { Site } from '@macenroll/plugin-enrollment-common';
import { enrollmentTranslationRef } from '../../translation';
import { FilterBarProps, SearchFilter, SiteFilter } from '../TableFilters';

export interface ComputerFilterValues {
  search: string;
  /** '' for every site. */
  siteId: string;
}

export const NO_COMPUTER_FILTERS: ComputerFilterValues = {
  search: '',
  siteId: '',
};

/** Search and site filters above the computer list. */
export const ComputerFilters = (
  props: FilterBarProps<ComputerFilterValues> & { sites: Site[] },
) => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const { value, onChange, sites } = props;
  return (
    <Grid container spacing={2} alignItems="flex-end">
      <SearchFilter
        id="computer-search"
        label={t('computers.filters.search')}
        placeholder={t('computers.filters.searchPlaceholder')}
        md={6}
        value={value}
        onChange={onChange}
      />
      <SiteFilter
        id="computer-site-filter"
        value={value}
        onChange={onChange}
        sites={sites}
      />
    </Grid>
  );
};
