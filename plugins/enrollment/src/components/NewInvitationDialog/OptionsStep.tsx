import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { Site } from '@macenroll/plugin-enrollment-common';
import { SwitchField } from '../shared/SwitchField';
import { InvitationDraft } from './draft';
import { expiryProblem } from './expiry';

/** Step 2: how long and how the invitation may be used, and for which site. */
export const OptionsStep = (props: {
  draft: InvitationDraft;
  onChange: (patch: Partial<InvitationDraft>) => void;
  sites: Site[];
  sitesError?: Error;
}) => {
  const { draft, onChange, sites, sitesError } = props;
  const problem = expiryProblem(draft.expiryDate);
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <TextField
          id="invitation-expiry"
          label="Expires on"
          type="date"
          value={draft.expiryDate}
          onChange={e => onChange({ expiryDate: e.target.value })}
          InputLabelProps={{ shrink: true }}
          error={!!problem}
          helperText={
            problem ?? 'The link stops working at the end of this day (UTC).'
          }
        />
      </Grid>
      <Grid item xs={12}>
        <SwitchField
          label="Require login"
          help="People log in with their company account before they can enroll."
          checked={draft.requireLogin}
          onChange={requireLogin => onChange({ requireLogin })}
        />
      </Grid>
      <Grid item xs={12}>
        <SwitchField
          label="Allow multiple uses"
          help="Several computers can enroll with the same link. When off, the link works once."
          checked={draft.multipleUses}
          onChange={multipleUses => onChange({ multipleUses })}
        />
      </Grid>
      <Grid item xs={12}>
        <TextField
          select
          id="invitation-site"
          label="Site"
          value={draft.siteId}
          onChange={e => onChange({ siteId: String(e.target.value) })}
          style={{ minWidth: 240 }}
          helperText={
            sitesError
              ? `Sites could not be loaded (${sitesError.message}); the invitation gets no site.`
              : 'Computers that enroll with this invitation join this site.'
          }
        >
          <MenuItem value="">No site</MenuItem>
          {sites.map(site => (
            <MenuItem key={site.id} value={site.id}>
              {site.name}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12}>
        <SwitchField
          label="Re-enrolling computers keep their site"
          help={
            draft.siteId
              ? 'A computer that is already in a site stays there instead of joining the site above.'
              : 'Choose a site to use this.'
          }
          disabled={!draft.siteId}
          checked={draft.keepExistingSite}
          onChange={keepExistingSite => onChange({ keepExistingSite })}
        />
      </Grid>
    </Grid>
  );
};
