import { InfoCard } from '@backstage/core-components';
import { SwitchField } from '../shared/SwitchField';
import { memoSection, SectionProps } from './sectionProps';

/** Whether a Mac that is already enrolled may enroll again. */
export const ReenrollmentCard = memoSection(
  (props: SectionProps) => {
    const { settings, onChange, disabled } = props;
    return (
      <InfoCard title="Re-enrollment">
        <SwitchField
          label="Let enrolled Macs enroll again"
          help="For example after its profile was removed. When off, a Mac that is already enrolled cannot enroll again."
          checked={settings.allowReenrollment}
          disabled={disabled}
          onChange={allowReenrollment => onChange({ allowReenrollment })}
        />
      </InfoCard>
    );
  },
  ['allowReenrollment'],
);
