import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import TextField from '@material-ui/core/TextField';
import { memo } from 'react';
import { enrollmentTranslationRef } from '../../translation';
import { StepText, StepTextKey } from './portalSteps';
import { MAX_STEP_TEXT } from './settingsLimits';

/** One step's text; renders again only when its own text changes. */
export const StepTextField = memo(
  (props: {
    step: StepText;
    value: string;
    disabled: boolean;
    onChange: (key: StepTextKey, value: string) => void;
    onFocus: (step: StepText) => void;
  }) => {
    const { step, value, disabled, onChange, onFocus } = props;
    const { t } = useTranslationRef(enrollmentTranslationRef);
    const tooLong = value.length > MAX_STEP_TEXT;
    return (
      <TextField
        id={`settings-text-${step.key}`}
        label={t(`settings.texts.steps.${step.key}.label`)}
        fullWidth
        multiline
        minRows={2}
        maxRows={8}
        variant="outlined"
        value={value}
        disabled={disabled}
        onFocus={() => onFocus(step)}
        onChange={e => onChange(step.key, e.target.value)}
        error={tooLong}
        helperText={
          tooLong
            ? t('common.atMostCharacters', { max: String(MAX_STEP_TEXT) })
            : t(`settings.texts.steps.${step.key}.help`)
        }
      />
    );
  },
);
