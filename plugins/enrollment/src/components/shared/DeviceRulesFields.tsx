import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import {
  DeviceRules,
  MAX_ALLOWED_MODELS,
} from '@macenroll/plugin-enrollment-common';
import { enrollmentTranslationRef } from '../../translation';
import { EnrollmentT } from '../../utils/translate';

/** Device rules as their fields hold them. */
export interface DeviceRulesDraft {
  minimumOsVersion: string;
  /** One model per line or comma-separated. */
  modelsText: string;
}

const VERSION = /^\d{1,3}(\.\d{1,3}){0,2}$/;

export function rulesDraftOf(rules?: DeviceRules | null): DeviceRulesDraft {
  return {
    minimumOsVersion: rules?.minimumOsVersion ?? '',
    modelsText: (rules?.allowedModels ?? []).join('\n'),
  };
}

function modelsOf(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map(m => m.trim())
    .filter(Boolean);
}

/** What the admin typed as rules, or undefined when they ask nothing. */
export function rulesOf(draft: DeviceRulesDraft): DeviceRules | undefined {
  const minimumOsVersion = draft.minimumOsVersion.trim();
  const allowedModels = modelsOf(draft.modelsText);
  if (!minimumOsVersion && !allowedModels.length) return undefined;
  return {
    ...(minimumOsVersion ? { minimumOsVersion } : {}),
    ...(allowedModels.length ? { allowedModels } : {}),
  };
}

/** "Needs macOS 13.0 or later · Models: MacBookPro"; empty for no rules. */
export function rulesSummary(
  rules: DeviceRules | undefined,
  t: EnrollmentT,
): string {
  return [
    rules?.minimumOsVersion &&
      t('deviceRules.needsVersion', { version: rules.minimumOsVersion }),
    rules?.allowedModels?.length &&
      t('deviceRules.models', { models: rules.allowedModels.join(', ') }),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Whether the rules fields hold something the backend would refuse. */
export function rulesProblems(draft: DeviceRulesDraft) {
  const version = draft.minimumOsVersion.trim();
  return {
    version: Boolean(version) && !VERSION.test(version),
    models: modelsOf(draft.modelsText).length > MAX_ALLOWED_MODELS,
  };
}

/** The minimum macOS and the allowed models, for a site or an invitation. */
export const DeviceRulesFields = (props: {
  idPrefix: string;
  draft: DeviceRulesDraft;
  onChange: (draft: DeviceRulesDraft) => void;
  disabled?: boolean;
}) => {
  const { idPrefix, draft, onChange, disabled } = props;
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const problems = rulesProblems(draft);
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} sm={4}>
        <TextField
          id={`${idPrefix}-minimum-os`}
          label={t('deviceRules.minimumOsVersion')}
          value={draft.minimumOsVersion}
          disabled={disabled}
          onChange={e =>
            onChange({ ...draft, minimumOsVersion: e.target.value })
          }
          error={problems.version}
          helperText={
            problems.version
              ? t('deviceRules.badVersion')
              : t('deviceRules.minimumOsVersionHelp')
          }
        />
      </Grid>
      <Grid item xs={12} sm={8}>
        <TextField
          id={`${idPrefix}-models`}
          label={t('deviceRules.allowedModels')}
          value={draft.modelsText}
          disabled={disabled}
          multiline
          minRows={2}
          fullWidth
          onChange={e => onChange({ ...draft, modelsText: e.target.value })}
          error={problems.models}
          helperText={
            problems.models
              ? t('deviceRules.tooManyModels', {
                  max: String(MAX_ALLOWED_MODELS),
                })
              : t('deviceRules.allowedModelsHelp')
          }
        />
      </Grid>
    </Grid>
  );
};
