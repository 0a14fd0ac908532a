import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import {
  ENROLLMENT_EVENT_CATEGORIES,
  EnrollmentEventCategory,
} from '@macenroll/plugin-enrollment-common';
import { FilterBarProps, SearchFilter } from '../TableFilters';

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
      <Grid item xs={12} sm={6} md={3}>
        <TextField
          select
          id="activity-category-filter"
          label="Category"
          fullWidth
          value={value.category}
          SelectProps={{ displayEmpty: true }}
          InputLabelProps={{ shrink: true }}
          onChange={e =>
            onChange({
              category: e.target.value as EnrollmentEventCategory | '',
            })
          }
        >
          <MenuItem value="">All</MenuItem>
          {ENROLLMENT_EVENT_CATEGORIES.map(category => (
            <MenuItem key={category} value={category}>
              {CATEGORY_LABELS[category]}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
    </Grid>
  );
};
