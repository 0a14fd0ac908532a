import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import {
  REENROLLMENT_COMMAND_CLEARING,
  ReenrollmentSettings,
} from '@macenroll/plugin-enrollment-common';
import { enrollmentTranslationRef } from '../../translation';
import { SwitchField } from '../shared/SwitchField';
import { GroupChipsInput } from './GroupChipsInput';
import { memoSection, SectionProps } from './sectionProps';

type ClearCommands = ReenrollmentSettings['clearCommands'];

/**
 * Whether a Mac that is already enrolled may enroll again, who may enroll
 * a known Mac again and what that clears (Jamf's Re-enrollment settings).
 */
export const ReenrollmentCard = memoSection(
  (props: SectionProps) => {
    const { settings, onChange, disabled } = props;
    const { t } = useTranslationRef(enrollmentTranslationRef);
    const rules = settings.reenrollment;
    const change = (patch: Partial<ReenrollmentSettings>) =>
      onChange(current => ({
        reenrollment: { ...current.reenrollment, ...patch },
      }));
    return (
      <InfoCard title={t('settings.reenrollment.title')}>
        <SwitchField
          label={t('settings.reenrollment.label')}
          help={t('settings.reenrollment.help')}
          checked={settings.allowReenrollment}
          disabled={disabled}
          onChange={allowReenrollment => onChange({ allowReenrollment })}
        />
        <Box mt={2}>
          <SwitchField
            label={t('settings.reenrollment.restrictLabel')}
            help={t('settings.reenrollment.restrictHelp')}
            checked={rules.restrictToAuthorizedUsers}
            disabled={disabled}
            onChange={restrictToAuthorizedUsers =>
              change({ restrictToAuthorizedUsers })
            }
          />
        </Box>
        <Box mt={2}>
          <FormLabel component="p">
            {t('settings.reenrollment.groups')}
          </FormLabel>
          <FormHelperText>
            {t('settings.reenrollment.groupsHelp')}
          </FormHelperText>
          <Box mt={1}>
            <GroupChipsInput
              id="settings-add-reenrollment-group"
              label={t('settings.reenrollment.groups')}
              emptyText={t('settings.reenrollment.groupsNone')}
              // A backend older than the groups leaves them out.
              groups={rules.authorizedGroups ?? []}
              addLabel={t('settings.reenrollment.addGroup')}
              onChange={authorizedGroups => change({ authorizedGroups })}
              disabled={disabled}
            />
          </Box>
        </Box>
        <Box mt={2}>
          <FormControl component="fieldset" disabled={disabled}>
            <FormLabel component="legend">
              {t('settings.reenrollment.clearCommands.label')}
            </FormLabel>
            <RadioGroup
              row
              aria-label={t('settings.reenrollment.clearCommands.label')}
              value={rules.clearCommands}
              onChange={e =>
                change({ clearCommands: e.target.value as ClearCommands })
              }
            >
              {REENROLLMENT_COMMAND_CLEARING.map(choice => (
                <FormControlLabel
                  key={choice}
                  value={choice}
                  control={<Radio color="primary" />}
                  label={t(`settings.reenrollment.clearCommands.${choice}`)}
                />
              ))}
            </RadioGroup>
            <FormHelperText>
              {t('settings.reenrollment.clearCommands.help')}
            </FormHelperText>
          </FormControl>
        </Box>
        <Box mt={2}>
          <SwitchField
            label={t('settings.reenrollment.clearInventoryLabel')}
            help={t('settings.reenrollment.clearInventoryHelp')}
            checked={rules.clearInventoryHistory}
            disabled={disabled}
            onChange={clearInventoryHistory =>
              change({ clearInventoryHistory })
            }
          />
        </Box>
        <Box mt={2}>
          <SwitchField
            label={t('settings.reenrollment.clearUserLabel')}
            help={t('settings.reenrollment.clearUserHelp')}
            checked={rules.clearUserAndLocation}
            disabled={disabled}
            onChange={clearUserAndLocation => change({ clearUserAndLocation })}
          />
        </Box>
      </InfoCard>
    );
  },
  ['allowReenrollment', 'reenrollment'],
);
