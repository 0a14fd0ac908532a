import { InfoCard } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useCallback, useState } from 'react';
import { enrollmentTranslationRef } from '../../translation';
import { PortalPreview } from './PortalPreview';
import {
  PortalPreviewPage,
  PREVIEW_PAGES,
  STEP_TEXTS,
  StepText,
  StepTextKey,
} from './portalSteps';
import { memoSection, SectionProps } from './sectionProps';
import { StepTextField } from './StepTextField';

/** The texts of the portal's steps, beside a preview of the page they are on. */
export const TextsCard = memoSection(
  (props: SectionProps) => {
    const { settings, onChange, disabled } = props;
    const configApi = useApi(configApiRef);
    const { t } = useTranslationRef(enrollmentTranslationRef);
    const [page, setPage] = useState<PortalPreviewPage>('login');

    const changeText = useCallback(
      (key: StepTextKey, value: string) =>
        onChange(current => ({ texts: { ...current.texts, [key]: value } })),
      [onChange],
    );
    const showStep = useCallback((step: StepText) => setPage(step.page), []);

    return (
      <InfoCard title={t('settings.texts.title')}>
        <Grid container spacing={3}>
          <Grid item xs={12} md={6}>
            <Typography variant="body2" color="textSecondary" paragraph>
              {t('settings.texts.intro')}
            </Typography>
            {STEP_TEXTS.map(step => (
              <Box key={step.key} mb={2}>
                <StepTextField
                  step={step}
                  value={settings.texts[step.key]}
                  disabled={disabled}
                  onChange={changeText}
                  onFocus={showStep}
                />
              </Box>
            ))}
          </Grid>
          <Grid item xs={12} md={6}>
            <Box mb={2}>
              <TextField
                select
                id="settings-preview-page"
                label={t('settings.texts.preview')}
                value={page}
                onChange={e => setPage(e.target.value as PortalPreviewPage)}
                style={{ minWidth: 240 }}
              >
                {PREVIEW_PAGES.map(option => (
                  <MenuItem key={option} value={option}>
                    {t(`settings.texts.pages.${option}`)}
                  </MenuItem>
                ))}
              </TextField>
            </Box>
            <PortalPreview
              page={page}
              settings={settings}
              fallbackOrganization={
                configApi.getOptionalString('organization.name') ||
                'Your organization'
              }
            />
          </Grid>
        </Grid>
      </InfoCard>
    );
  },
  [
    'texts',
    'organizationName',
    'supportContact',
    'skipCertificateInstallation',
  ],
);
