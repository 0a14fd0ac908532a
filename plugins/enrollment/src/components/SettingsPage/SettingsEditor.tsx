import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import { PortalSettings } from '@macenroll/plugin-enrollment-common';
import { useCallback, useState } from 'react';
import { enrollmentApiRef } from '../../api';
import { enrollmentTranslationRef } from '../../translation';
import { errorMessage } from '../../utils/errorMessage';
import { AgentPackageCard } from './AgentPackageCard';
import { DirectoryCard } from './DirectoryCard';
import { EulaCard } from './EulaCard';
import { LanguagesCard } from './LanguagesCard';
import { MailTestCard } from './MailTestCard';
import { PortalCard } from './PortalCard';
import { ProfileSigningCard } from './ProfileSigningCard';
import { PushCertificateCard } from './PushCertificateCard';
import { ReenrollmentCard } from './ReenrollmentCard';
import { SaveBar, SaveOutcome } from './SaveBar';
import { SettingsChange } from './sectionProps';
import { settingsProblems } from './settingsLimits';
import { SitesCard } from './SitesCard';
import { TextsCard } from './TextsCard';

const same = (a: PortalSettings, b: PortalSettings) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Edits a copy of the loaded settings and saves it whole. A failed save
 * keeps the edits, so the admin can fix them and try again.
 */
export const SettingsEditor = (props: {
  initial: PortalSettings;
  canUpdate: boolean;
}) => {
  const { initial, canUpdate } = props;
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>();

  const onChange = useCallback((change: SettingsChange) => {
    setDraft(current => ({
      ...current,
      ...(typeof change === 'function' ? change(current) : change),
    }));
    // A success no longer describes what is shown; an error still does.
    setOutcome(current =>
      current?.severity === 'success' ? undefined : current,
    );
  }, []);

  const save = async () => {
    const problems = settingsProblems(draft, t);
    if (problems.length) {
      setOutcome({
        severity: 'error',
        text: t('settings.notSavedProblems', { problems: problems.join(' ') }),
      });
      return;
    }
    setSaving(true);
    setOutcome(undefined);
    const sent = draft;
    try {
      const result = await api.saveSettings(sent);
      setSaved(result);
      // Edits made while saving stay, still unsaved.
      setDraft(current => (current === sent ? result : current));
      setOutcome({ severity: 'success', text: t('settings.saved') });
    } catch (e) {
      setOutcome({
        severity: 'error',
        text: t('settings.notSaved', { error: errorMessage(e) }),
      });
    } finally {
      setSaving(false);
    }
  };

  const discard = () => {
    setDraft(saved);
    setOutcome(undefined);
  };

  const section = { settings: draft, onChange, disabled: !canUpdate };
  return (
    <>
      {!canUpdate && (
        <Box mb={3}>
          <Alert severity="info">{t('settings.readOnly')}</Alert>
        </Box>
      )}
      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          <PortalCard {...section} />
        </Grid>
        <Grid item xs={12} md={6}>
          <ReenrollmentCard {...section} />
        </Grid>
        <Grid item xs={12}>
          <TextsCard {...section} />
        </Grid>
        <Grid item xs={12}>
          <LanguagesCard {...section} />
        </Grid>
        <Grid item xs={12}>
          <EulaCard {...section} />
        </Grid>
        <Grid item xs={12} md={6}>
          <SitesCard {...section} />
        </Grid>
        <Grid item xs={12} md={6}>
          <DirectoryCard {...section} />
        </Grid>
        <Grid item xs={12} md={6}>
          <MailTestCard disabled={!canUpdate} />
        </Grid>
        <Grid item xs={12} md={6}>
          <PushCertificateCard disabled={!canUpdate} />
        </Grid>
        <Grid item xs={12} md={6}>
          <ProfileSigningCard disabled={!canUpdate} />
        </Grid>
        <Grid item xs={12} md={6}>
          <AgentPackageCard disabled={!canUpdate} />
        </Grid>
      </Grid>
      {canUpdate && (
        <SaveBar
          dirty={!same(draft, saved)}
          saving={saving}
          outcome={outcome}
          onSave={save}
          onDiscard={discard}
        />
      )}
    </>
  );
};
