import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { enrollmentTranslationRef } from '../../translation';
import { SwitchField } from '../shared/SwitchField';
import { memoSection, SectionProps } from './sectionProps';

/** Whether a Mac that is already enrolled may enroll again. */
export const ReenrollmentCard = memoSection(
  (props: SectionProps) => {
    const { settings, onChange, disabled } = props;
    const { t } = useTranslationRef(enrollmentTranslationRef);
    return (
      <InfoCard title={t('settings.reenrollment.title')}>
        <SwitchField
          label={t('settings.reenrollment.label')}
          help={t('settings.reenrollment.help')}
          checked={settings.allowReenrollment}
          disabled={disabled}
          onChange={allowReenrollment => onChange({ allowReenrollment })}
        />
      </InfoCard>
    );
  },
  ['allowReenrollment'],
);
