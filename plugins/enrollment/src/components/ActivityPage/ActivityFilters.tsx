import Grid from '@material-ui/core/Grid';
import {
  ENROLLMENT_EVENT_CATEGORIES,
  EnrollmentEventCategory,
} from '@macenroll/plugin-enrollment-common';
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

const CATEGORY_LABELS: Record<EnrollmentEventCategory, string> = {
  invitation: 'Invitations',
  portal: 'Portal',
  scep: 'SCEP',
  mdm: 'Check-in',
  admin: 'Admin changes',
};

const CATEGORY_CHOICES = ENROLLMENT_EVENT_CATEGORIES.map(category => ({
  value: category,
  label: CATEGORY_LABELS[category],
}));

/** Category and text filters above the activity log. */
export const ActivityFilters = (
  props: FilterBarProps<ActivityFilterValues>,
) => {
  const { value, onChange } = props;
  return (
    <Grid container spacing={2} alignItems="flex-end">
      <SearchFilter
        id="activity-search"
        label="Search activity"
        placeholder="Text in the message or who did it"
        md={6}
        value={value}
        onChange={onChange}
      />
      <ChoiceFilter
        id="activity-category-filter"
        label="Category"
        anyLabel="All"
        value={value.category}
        choices={CATEGORY_CHOICES}
        onChange={category =>
          onChange({ category: category as EnrollmentEventCategory | '' })
        }
      />
    </Grid>
  );
};
