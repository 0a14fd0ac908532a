import Grid from '@material-ui/core/Grid';
import InputAdornment from '@material-ui/core/InputAdornment';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';
import {
  INVITATION_STATUSES,
  InvitationStatus,
  Site,
} from '@macenroll/plugin-enrollment-common';
import { INVITATION_STATUS_LABELS } from '../InvitationStatusChip';

export interface InvitationFilterValues {
  search: string;
  status: InvitationStatus[];
  /** '' for every site. */
  siteId: string;
}

export const NO_FILTERS: InvitationFilterValues = {
  search: '',
  status: [],
  siteId: '',
};

/** Search, status and site filters above the invitation list. */
export const InvitationFilters = (props: {
  value: InvitationFilterValues;
  onChange: (patch: Partial<InvitationFilterValues>) => void;
  sites: Site[];
}) => {
  const { value, onChange, sites } = props;
  return (
    <Grid container spacing={2} alignItems="flex-end">
      <Grid item xs={12} md={5}>
        <TextField
          id="invitation-search"
          label="Search recipients"
          placeholder="Part of an email address"
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
      <Grid item xs={12} sm={6} md={4}>
        <TextField
          select
          id="invitation-status-filter"
          label="Status"
          fullWidth
          value={value.status}
          SelectProps={{
            multiple: true,
            displayEmpty: true,
            renderValue: selected =>
              (selected as InvitationStatus[]).length
                ? (selected as InvitationStatus[])
                    .map(status => INVITATION_STATUS_LABELS[status])
                    .join(', ')
                : 'Any status',
          }}
          InputLabelProps={{ shrink: true }}
          onChange={e =>
            onChange({
              status: e.target.value as unknown as InvitationStatus[],
            })
          }
        >
          {INVITATION_STATUSES.map(status => (
            <MenuItem key={status} value={status}>
              {INVITATION_STATUS_LABELS[status]}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      {sites.length > 0 && (
        <Grid item xs={12} sm={6} md={3}>
          <TextField
            select
            id="invitation-site-filter"
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
