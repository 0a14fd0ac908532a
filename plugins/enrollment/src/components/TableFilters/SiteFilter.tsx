import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { Site } from '@macenroll/plugin-enrollment-common';

/**
 * The site cell of a filter bar. Without sites (none exist, or the user may
 * not list them) there is nothing to choose, so there is no cell.
 */
export const SiteFilter = (props: {
  id: string;
  value: { siteId: string };
  onChange: (patch: { siteId: string }) => void;
  sites: Site[];
}) => {
  const { id, value, onChange, sites } = props;
  if (sites.length === 0) return null;
  return (
    <Grid item xs={12} sm={6} md={3}>
      <TextField
        select
        id={id}
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
  );
};
