import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import {
  LANGUAGE_TAG,
  PORTAL_SETTINGS_LIMITS,
  PORTAL_TEXT_DEFAULTS,
  PORTAL_TEXT_KEYS,
  PortalTextKey,
  STEP_TEXT_KEYS,
} from '@macenroll/plugin-enrollment-common';
import { memo, useCallback, useState } from 'react';
import { enrollmentTranslationRef } from '../../translation';
import { memoSection, SectionProps } from './sectionProps';

/** The portal's texts by page, as the Languages card groups them. */
const GROUPS = {
  frame: ['frame'],
  login: ['login', 'chooseUser'],
  steps: ['eula', 'site'],
  downloads: ['downloads', 'certificate', 'profile', 'quickadd'],
  done: ['enrolled'],
  problems: ['unsupported', 'device', 'problem'],
} as const;
type Group = keyof typeof GROUPS;

const keysOf = (group: Group) =>
  PORTAL_TEXT_KEYS.filter(key =>
    (GROUPS[group] as readonly string[]).includes(key.split('.')[0]),
  );

const isStepText = (key: PortalTextKey) => key in STEP_TEXT_KEYS;

/** One text of one language; renders again only when it changes. */
const TranslationField = memo(
  (props: {
    textKey: PortalTextKey;
    value: string;
    disabled: boolean;
    /** English step texts are edited in the Texts card. */
    stepText: boolean;
    onChange: (key: PortalTextKey, value: string) => void;
  }) => {
    const { textKey, value, disabled, stepText, onChange } = props;
    const { t } = useTranslationRef(enrollmentTranslationRef);
    const english = PORTAL_TEXT_DEFAULTS[textKey];
    const tooLong = value.length > PORTAL_SETTINGS_LIMITS.stepText;
    let help: string = t('settings.languages.englishIs', { english });
    if (stepText) help = t('settings.languages.stepText');
    if (tooLong) {
      help = t('common.atMostCharacters', {
        max: String(PORTAL_SETTINGS_LIMITS.stepText),
      });
    }
    return (
      <Box mb={2}>
        <TextField
          id={`settings-translation-${textKey}`}
          label={textKey}
          fullWidth
          multiline={english.length > 80 || english.includes('\n')}
          maxRows={8}
          variant="outlined"
          value={value}
          placeholder={english}
          disabled={disabled || stepText}
          onChange={e => onChange(textKey, e.target.value)}
          error={tooLong}
          helperText={help}
        />
      </Box>
    );
  },
);

/**
 * The portal's texts in other languages (and English wording changed):
 * the portal answers in the language a browser asks for, and shows any
 * text left empty in English.
 */
export const LanguagesCard = memoSection(
  (props: SectionProps) => {
    const { settings, onChange, disabled } = props;
    const { t } = useTranslationRef(enrollmentTranslationRef);
    const languages = Object.keys(settings.translations).filter(
      l => l !== 'en',
    );
    const [language, setLanguage] = useState('en');
    const [newTag, setNewTag] = useState('');
    const edited = settings.translations[language] ?? {};

    const changeText = useCallback(
      (key: PortalTextKey, value: string) =>
        onChange(current => {
          const texts = { ...current.translations[language] };
          if (value) texts[key] = value;
          else delete texts[key];
          return {
            translations: { ...current.translations, [language]: texts },
          };
        }),
      [onChange, language],
    );

    const tag = newTag.trim();
    let tagProblem: string | undefined;
    if (tag && !LANGUAGE_TAG.test(tag)) {
      tagProblem = t('settings.languages.invalidTag');
    } else if (tag === 'en' || languages.includes(tag)) {
      tagProblem = t('settings.languages.exists');
    }
    const add = () => {
      onChange(current => ({
        translations: { ...current.translations, [tag]: {} },
      }));
      setLanguage(tag);
      setNewTag('');
    };
    const remove = () => {
      onChange(current => {
        const { [language]: _, ...rest } = current.translations;
        return { translations: rest };
      });
      setLanguage('en');
    };

    return (
      <InfoCard title={t('settings.languages.title')}>
        <Typography variant="body2" color="textSecondary" paragraph>
          {t('settings.languages.intro')}
        </Typography>
        <Box
          display="flex"
          flexWrap="wrap"
          alignItems="flex-start"
          mb={2}
          style={{ gap: 16 }}
        >
          <TextField
            select
            id="settings-language"
            label={t('settings.languages.language')}
            value={language}
            onChange={e => setLanguage(e.target.value)}
            style={{ minWidth: 200 }}
          >
            <MenuItem value="en">{t('settings.languages.english')}</MenuItem>
            {languages.map(l => (
              <MenuItem key={l} value={l}>
                {l}
              </MenuItem>
            ))}
          </TextField>
          {language !== 'en' && !disabled && (
            <Button variant="outlined" onClick={remove}>
              {t('settings.languages.remove', { language })}
            </Button>
          )}
          {!disabled && (
            <>
              <TextField
                id="settings-new-language"
                label={t('settings.languages.newLabel')}
                value={newTag}
                onChange={e => setNewTag(e.target.value)}
                error={Boolean(tagProblem)}
                helperText={tagProblem ?? t('settings.languages.newHelp')}
              />
              <Button
                variant="outlined"
                color="primary"
                disabled={!tag || Boolean(tagProblem)}
                onClick={add}
              >
                {t('settings.languages.add')}
              </Button>
            </>
          )}
        </Box>
        {(Object.keys(GROUPS) as Group[]).map(group => (
          // Closed groups keep no fields mounted: ~100 texts stay cheap.
          <Accordion key={group} TransitionProps={{ unmountOnExit: true }}>
            <AccordionSummary expandIcon={<ExpandMoreIcon />}>
              <Typography>{t(`settings.languages.groups.${group}`)}</Typography>
            </AccordionSummary>
            <AccordionDetails style={{ display: 'block' }}>
              {keysOf(group).map(key => (
                <TranslationField
                  key={key}
                  textKey={key}
                  value={edited[key] ?? ''}
                  disabled={disabled}
                  stepText={language === 'en' && isStepText(key)}
                  onChange={changeText}
                />
              ))}
            </AccordionDetails>
          </Accordion>
        ))}
      </InfoCard>
    );
  },
  ['translations'],
);
