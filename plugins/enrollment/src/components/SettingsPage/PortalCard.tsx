import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { enrollmentTranslationRef } from '../../translation';
import { SwitchField } from '../shared/SwitchField';
import { memoSection, SectionProps } from './sectionProps';
import { MAX_ORGANIZATION_NAME, MAX_SUPPORT_CONTACT } from './settingsLimits';

/** Whether the portal is open, and who it says it belongs to. */
export const PortalCard = memoSection(
  (props: SectionProps) => {
    const { settings, onChange, disabled } = props;
    const { t } = useTranslationRef(enrollmentTranslationRef);
    const nameTooLong =
      settings.organizationName.length > MAX_ORGANIZATION_NAME;
    const contactTooLong = settings.supportContact.length > MAX_SUPPORT_CONTACT;
    return (
      <InfoCard title={t('settings.portal.title')}>
        <Grid container spacing={2}>
          <Grid item xs={12}>
            <SwitchField
              label={t('settings.portal.enabled')}
              help={t('settings.portal.enabledHelp')}
              checked={settings.portalEnabled}
              disabled={disabled}
              onChange={portalEnabled => onChange({ portalEnabled })}
            />
          </Grid>
          <Grid item xs={12}>
            <SwitchField
              label={t('settings.portal.skipCertificate')}
              help={t('settings.portal.skipCertificateHelp')}
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
              label={t('settings.portal.organizationName')}
              placeholder={t('settings.portal.organizationNamePlaceholder')}
              fullWidth
              InputLabelProps={{ shrink: true }}
              value={settings.organizationName}
              disabled={disabled}
              onChange={e => onChange({ organizationName: e.target.value })}
              error={nameTooLong}
              helperText={
                nameTooLong
                  ? t('common.atMostCharacters', {
                      max: String(MAX_ORGANIZATION_NAME),
                    })
                  : t('settings.portal.organizationNameHelp')
              }
            />
          </Grid>
          <Grid item xs={12}>
            <TextField
              id="settings-support-contact"
              label={t('settings.portal.supportContact')}
              placeholder={t('settings.portal.supportContactPlaceholder')}
              fullWidth
              InputLabelProps={{ shrink: true }}
              value={settings.supportContact}
              disabled={disabled}
              onChange={e => onChange({ supportContact: e.target.value })}
              error={contactTooLong}
              helperText={
                contactTooLong
                  ? t('common.atMostCharacters', {
                      max: String(MAX_SUPPORT_CONTACT),
                    })
                  : t('settings.portal.supportContactHelp')
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
