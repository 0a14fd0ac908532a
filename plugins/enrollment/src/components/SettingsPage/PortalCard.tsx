import { InfoCard } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { SwitchField } from '../shared/SwitchField';
import { memoSection, SectionProps } from './sectionProps';
import { MAX_ORGANIZATION_NAME, MAX_SUPPORT_CONTACT } from './settingsLimits';

/** Whether the portal is open, and who it says it belongs to. */
export const PortalCard = memoSection(
  (props: SectionProps) => {
    const { settings, onChange, disabled } = props;
    const nameTooLong =
      settings.organizationName.length > MAX_ORGANIZATION_NAME;
    const contactTooLong = settings.supportContact.length > MAX_SUPPORT_CONTACT;
    return (
      <InfoCard title="Portal">
        <Grid container spacing={2}>
          <Grid item xs={12}>
            <SwitchField
              label="Portal enabled"
              help="When off, the portal only says that enrollment is closed."
              checked={settings.portalEnabled}
              disabled={disabled}
              onChange={portalEnabled => onChange({ portalEnabled })}
            />
          </Grid>
          <Grid item xs={12}>
            <SwitchField
              label="Skip certificate installation"
              help="Offer only the management profile, without the step that installs the CA certificate."
              checked={settings.skipCertificateInstallation}
              disabled={disabled}
              onChange={skipCertificateInstallation =>
                onChange({ skipCertificateInstallation })
              }
            />
          </Grid>
          <Grid item xs={12}>
            <TextField
              id="settings-organization-name"
              label="Organization name"
              placeholder="the configured organization"
              fullWidth
              InputLabelProps={{ shrink: true }}
              value={settings.organizationName}
              disabled={disabled}
              onChange={e => onChange({ organizationName: e.target.value })}
              error={nameTooLong}
              helperText={
                nameTooLong
                  ? `At most ${MAX_ORGANIZATION_NAME} characters.`
                  : 'Shown on the portal and in invitation mail. Leave it empty to use the configured organization.'
              }
            />
          </Grid>
          <Grid item xs={12}>
            <TextField
              id="settings-support-contact"
              label="Support contact"
              placeholder="it@example.com or +1 555 0100"
              fullWidth
              InputLabelProps={{ shrink: true }}
              value={settings.supportContact}
              disabled={disabled}
              onChange={e => onChange({ supportContact: e.target.value })}
              error={contactTooLong}
              helperText={
                contactTooLong
                  ? `At most ${MAX_SUPPORT_CONTACT} characters.`
                  : 'How people reach IT. Shown on every portal page.'
              }
            />
          </Grid>
        </Grid>
      </InfoCard>
    );
  },
  [
    'portalEnabled',
    'skipCertificateInstallation',
    'organizationName',
    'supportContact',
  ],
);
