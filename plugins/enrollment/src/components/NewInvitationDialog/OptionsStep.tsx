import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { Site } from '@macenroll/plugin-enrollment-common';
import { enrollmentTranslationRef } from '../../translation';
import { DeviceRulesFields } from '../shared/DeviceRulesFields';
import { SwitchField } from '../shared/SwitchField';
import { SerialNumbersField } from './SerialNumbersField';
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
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const problem = expiryProblem(draft.expiryDate, new Date(), t);
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <TextField
          id="invitation-expiry"
          label={t('newInvitation.options.expiresOn')}
          type="date"
          value={draft.expiryDate}
          onChange={e => onChange({ expiryDate: e.target.value })}
          InputLabelProps={{ shrink: true }}
          error={!!problem}
          helperText={problem ?? t('newInvitation.options.expiresOnHelp')}
        />
      </Grid>
      <Grid item xs={12}>
        <SwitchField
          label={t('newInvitation.options.requireLogin')}
          help={t('newInvitation.options.requireLoginHelp')}
          checked={draft.requireLogin}
          onChange={requireLogin => onChange({ requireLogin })}
        />
      </Grid>
      <Grid item xs={12}>
        <SwitchField
          label={t('newInvitation.options.multipleUses')}
          help={t('newInvitation.options.multipleUsesHelp')}
          checked={draft.multipleUses}
          onChange={multipleUses => onChange({ multipleUses })}
        />
      </Grid>
      <Grid item xs={12}>
        <TextField
          select
          id="invitation-site"
          label={t('newInvitation.options.site')}
          value={draft.siteId}
          onChange={e => onChange({ siteId: String(e.target.value) })}
          style={{ minWidth: 240 }}
          helperText={
            sitesError
              ? t('newInvitation.options.sitesNotLoaded', {
                  error: sitesError.message,
                })
              : t('newInvitation.options.siteHelp')
          }
        >
          <MenuItem value="">{t('invitationFields.noSite')}</MenuItem>
          {sites.map(site => (
            <MenuItem key={site.id} value={site.id}>
              {site.name}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12}>
        <SwitchField
          label={t('newInvitation.options.keepSite')}
          help={
            draft.siteId
              ? t('newInvitation.options.keepSiteHelp')
              : t('newInvitation.options.chooseSiteFirst')
          }
          disabled={!draft.siteId}
          checked={draft.keepExistingSite}
          onChange={keepExistingSite => onChange({ keepExistingSite })}
        />
      </Grid>
      <Grid item xs={12}>
        <SerialNumbersField
          text={draft.serialNumbersText}
          onChange={serialNumbersText => onChange({ serialNumbersText })}
        />
      </Grid>
      <Grid item xs={12}>
        <DeviceRulesFields
          idPrefix="invitation-rules"
          draft={draft.rules}
          onChange={rules => onChange({ rules })}
        />
      </Grid>
    </Grid>
  );
};
