import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import {
  INVITATION_STATUSES,
  InvitationStatus,
  Site,
} from '@macenroll/plugin-enrollment-common';
import { enrollmentTranslationRef } from '../../translation';
import { invitationStatusLabel } from '../InvitationStatusChip';
import {
  FilterBarProps,
  SearchFilter,
  SiteFilter,
  useFilterLabelClass,
} from '../TableFilters';

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
export const InvitationFilters = (
  props: FilterBarProps<InvitationFilterValues> & { sites: Site[] },
) => {
  const { value, onChange, sites } = props;
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const labelClass = useFilterLabelClass();
  return (
    <Grid container spacing={2} alignItems="flex-end">
      <SearchFilter
        id="invitation-search"
        label={t('invitations.filters.search')}
        placeholder={t('invitations.filters.searchPlaceholder')}
        md={5}
        value={value}
        onChange={onChange}
      />
      <Grid item xs={12} sm={6} md={4}>
        <TextField
          select
          id="invitation-status-filter"
          label={t('invitations.filters.status')}
          fullWidth
          value={value.status}
          SelectProps={{
            multiple: true,
            displayEmpty: true,
            renderValue: selected =>
              (selected as InvitationStatus[]).length
                ? (selected as InvitationStatus[])
                    .map(status => invitationStatusLabel(status, t))
                    .join(', ')
                : t('invitations.filters.anyStatus'),
          }}
          InputLabelProps={{ shrink: true, className: labelClass }}
          onChange={e =>
            onChange({
              status: e.target.value as unknown as InvitationStatus[],
            })
          }
        >
          {INVITATION_STATUSES.map(status => (
            <MenuItem key={status} value={status}>
              {invitationStatusLabel(status, t)}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <SiteFilter
        id="invitation-site-filter"
        value={value}
        onChange={onChange}
        sites={sites}
      />
    </Grid>
  );
};
