import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Grid from '@material-ui/core/Grid';
import {
  ENROLLMENT_EVENT_CATEGORIES,
  EnrollmentEventCategory,
} from '@macenroll/plugin-enrollment-common';
import { enrollmentTranslationRef } from '../../translation';
import { ChoiceFilter, FilterBarProps, SearchFilter } from '../TableFilters';

export interface ActivityFilterValues {
  search: string;
  /** '' for every category. */
  category: EnrollmentEventCategory | '';
}

export const NO_ACTIVITY_FILTERS: ActivityFilterValues = {
  search: '',
  category: '',
};

/** Category and text filters above the activity log. */
export const ActivityFilters = (
  props: FilterBarProps<ActivityFilterValues>,
) => {
  const { value, onChange } = props;
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const categories = ENROLLMENT_EVENT_CATEGORIES.map(category => ({
    value: category,
    label: t(`activity.categories.${category}`),
  }));
  return (
    <Grid container spacing={2} alignItems="flex-end">
      <SearchFilter
        id="activity-search"
        label={t('activity.filters.search')}
        placeholder={t('activity.filters.searchPlaceholder')}
        md={6}
        value={value}
        onChange={onChange}
      />
      <ChoiceFilter
        id="activity-category-filter"
        label={t('activity.filters.category')}
        anyLabel={t('activity.filters.all')}
        value={value.category}
        choices={categories}
        onChange={category =>
          onChange({ category: category as EnrollmentEventCategory | '' })
        }
      />
    </Grid>
  );
};
