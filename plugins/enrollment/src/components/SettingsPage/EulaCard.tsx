import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { enrollmentTranslationRef } from '../../translation';
import { SwitchField } from '../shared/SwitchField';
import { memoSection, SectionProps } from './sectionProps';
import { eulaMissing, MAX_EULA_TEXT } from './settingsLimits';

/** An agreement people accept on the portal before they download anything. */
export const EulaCard = memoSection(
  (props: SectionProps) => {
    const { settings, onChange, disabled } = props;
    const { t } = useTranslationRef(enrollmentTranslationRef);
    const { eula } = settings;
    const missing = eulaMissing(settings);
    const tooLong = eula.text.length > MAX_EULA_TEXT;

    let help: string = t('settings.eula.textHelp');
    if (missing) help = t('settings.eula.missing');
    else if (tooLong) {
      help = t('common.atMostCharacters', { max: String(MAX_EULA_TEXT) });
    }

    return (
      <InfoCard title={t('settings.eula.title')}>
        <SwitchField
          label={t('settings.eula.label')}
          help={t('settings.eula.help')}
          checked={eula.enabled}
          disabled={disabled}
          onChange={enabled =>
            onChange(current => ({ eula: { ...current.eula, enabled } }))
          }
        />
        <Box mt={2}>
          <TextField
            id="settings-eula-text"
            label={t('settings.eula.text')}
            fullWidth
            multiline
            minRows={6}
            maxRows={20}
            variant="outlined"
            value={eula.text}
            disabled={disabled}
            onChange={e => {
              const text = e.target.value;
              onChange(current => ({ eula: { ...current.eula, text } }));
            }}
            error={missing || tooLong}
            helperText={help}
          />
        </Box>
      </InfoCard>
    );
  },
  ['eula'],
);
