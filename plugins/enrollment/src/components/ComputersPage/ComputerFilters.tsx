import Grid from '@material-ui/core/Grid';
import InputAdornment from '@material-ui/core/InputAdornment';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';
import { Site } from '@macenroll/plugin-enrollment-common';

export interface ComputerFilterValues {
  search: string;
  /** '' for every site. */
  siteId: string;
}

export const NO_COMPUTER_FILTERS: ComputerFilterValues = {
  search: '',
  siteId: '',
};

/**
 * Search and site filters above the computer list. Without sites (none
 * exist, or the user may not list them) there is no site filter.
 */
export const ComputerFilters = (props: {
  value: ComputerFilterValues;
  onChange: (patch: Partial<ComputerFilterValues>) => void;
  sites: Site[];
}) => {
  const { value, onChange, sites } = props;
  return (
    <Grid container spacing={2} alignItems="flex-end">
      <Grid item xs={12} md={6}>
        <TextField
          id="computer-search"
          label="Search computers"
          placeholder="Name, serial number or user"
          fullWidth
          value={value.search}
          onChange={e => onChange({ search: e.target.value })}
          InputProps={{
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon />
              </InputAdornment>
            ),
          }}
        />
      </Grid>
      {sites.length > 0 && (
        <Grid item xs={12} sm={6} md={3}>
          <TextField
            select
            id="computer-site-filter"
            label="Site"
            fullWidth
            value={value.siteId}
            SelectProps={{ displayEmpty: true }}
            InputLabelProps={{ shrink: true }}
            onChange={e => onChange({ siteId: String(e.target.value) })}
          >
            <MenuItem value="">Any site</MenuItem>
            {sites.map(site => (
              <MenuItem key={site.id} value={site.id}>
                {site.name}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
      )}
    </Grid>
  );
};
