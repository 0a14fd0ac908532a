import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Typography from '@material-ui/core/Typography';
import { enrollmentTranslationRef } from '../../translation';
import { GroupChipsInput } from './GroupChipsInput';
import { memoSection, SectionProps } from './sectionProps';

/** Which directory users may log in to the portal to enroll. */
export const DirectoryCard = memoSection(
  (props: SectionProps) => {
    const { settings, onChange, disabled } = props;
    const { t } = useTranslationRef(enrollmentTranslationRef);
    return (
      <InfoCard title={t('settings.directory.title')}>
        <Typography variant="body2" color="textSecondary" paragraph>
          {t('settings.directory.intro')}
        </Typography>
        <GroupChipsInput
          groups={settings.restrictToLdapGroups}
          onChange={restrictToLdapGroups => onChange({ restrictToLdapGroups })}
          disabled={disabled}
        />
      </InfoCard>
    );
  },
  ['restrictToLdapGroups'],
);
