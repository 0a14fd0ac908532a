import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { DeviceRules, Site } from '@macenroll/plugin-enrollment-common';
import { FormEvent, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { enrollmentApiRef } from '../../api';
import { enrollmentTranslationRef } from '../../translation';
import { errorMessage } from '../../utils/errorMessage';
import { SwitchField } from '../shared/SwitchField';
import { memoSection, SectionProps } from './sectionProps';
import { SiteRow } from './SiteRow';
import { MAX_SITE_NAME } from './settingsLimits';

const byName = (a: Site, b: Site) => a.name.localeCompare(b.name);

/**
 * The sites invitations and computers can belong to. Unlike the other
 * settings, site changes are made at once, not with Save.
 */
export const SitesCard = memoSection(
  (props: SectionProps) => {
    const { settings, onChange, disabled } = props;
    const api = useApi(enrollmentApiRef);
    const { t } = useTranslationRef(enrollmentTranslationRef);
    const { value, loading, error } = useAsync(() => api.listSites(), [api]);
    // Changes made here replace what was loaded.
    const [changed, setChanged] = useState<Site[]>();
    const sites = changed ?? value?.items ?? [];
    const [newName, setNewName] = useState('');
    const [busy, setBusy] = useState(false);
    const [failure, setFailure] = useState<string>();

    const canManage = !disabled;
    const trimmed = newName.trim();
    const nameTooLong = trimmed.length > MAX_SITE_NAME;

    const update = (change: (current: Site[]) => Site[]) =>
      setChanged(current => change(current ?? value?.items ?? []));

    const run = async (action: () => Promise<void>) => {
      setBusy(true);
      setFailure(undefined);
      try {
        await action();
      } catch (e) {
        setFailure(errorMessage(e));
      } finally {
        setBusy(false);
      }
    };

    const add = (event: FormEvent) => {
      event.preventDefault();
      if (!trimmed || nameTooLong) return;
      run(async () => {
        const site = await api.createSite(trimmed);
        setNewName('');
        update(current => [...current, site].sort(byName));
      });
    };

    const remove = (site: Site) =>
      run(async () => {
        await api.deleteSite(site.id);
        update(current => current.filter(s => s.id !== site.id));
      });

    // Rename errors are shown in the row being edited, so they are thrown on.
    const rename = async (
      site: Site,
      name: string,
      deviceRules?: DeviceRules | null,
    ) => {
      const renamed =
        deviceRules === undefined
          ? await api.renameSite(site.id, name)
          : await api.renameSite(site.id, name, deviceRules);
      update(current =>
        current.map(s => (s.id === site.id ? renamed : s)).sort(byName),
      );
    };

    let list;
    if (loading) {
      list = <Progress />;
    } else if (error) {
      list = (
        <Alert severity="error">
          {t('settings.sites.notLoaded', { error: errorMessage(error) })}
        </Alert>
      );
    } else if (sites.length === 0) {
      list = (
        <Typography color="textSecondary">
          {t('settings.sites.none')}
        </Typography>
      );
    } else {
      list = (
        <List dense aria-label={t('settings.sites.list')}>
          {sites.map(site => (
            <SiteRow
              key={site.id}
              site={site}
              canManage={canManage}
              busy={busy}
              onRename={(name, rules) => rename(site, name, rules)}
              onDelete={() => remove(site)}
            />
          ))}
        </List>
      );
    }

    return (
      <InfoCard title={t('settings.sites.title')}>
        <Typography variant="body2" color="textSecondary" paragraph>
          {t('settings.sites.intro')}
        </Typography>
        {list}
        {failure && (
          <Box mt={2}>
            <Alert severity="error">{failure}</Alert>
          </Box>
        )}
        {canManage && !error && (
          <Box
            component="form"
            onSubmit={add}
            display="flex"
            alignItems="flex-start"
            mt={2}
          >
            <TextField
              id="settings-new-site"
              label={t('settings.sites.newSite')}
              fullWidth
              value={newName}
              disabled={busy}
              onChange={e => setNewName(e.target.value)}
              error={nameTooLong}
              helperText={
                nameTooLong
                  ? t('common.atMostCharacters', { max: String(MAX_SITE_NAME) })
                  : undefined
              }
            />
            <Box ml={1} mt={1.5}>
              <Button
                type="submit"
                variant="outlined"
                color="primary"
                disabled={busy || !trimmed || nameTooLong}
              >
                {t('settings.sites.add')}
              </Button>
            </Box>
          </Box>
        )}
        <Box mt={3}>
          <SwitchField
            label={t('settings.sites.allowChoice')}
            help={t('settings.sites.allowChoiceHelp')}
            checked={settings.allowSiteChoice}
            disabled={disabled}
            onChange={allowSiteChoice => onChange({ allowSiteChoice })}
          />
        </Box>
      </InfoCard>
    );
  },
  ['allowSiteChoice'],
);
