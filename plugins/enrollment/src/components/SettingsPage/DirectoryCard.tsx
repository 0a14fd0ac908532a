import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { GroupChipsInput } from './GroupChipsInput';
import { memoSection, SectionProps } from './sectionProps';

/** Which directory users may log in to the portal to enroll. */
export const DirectoryCard = memoSection(
  (props: SectionProps) => {
    const { settings, onChange, disabled } = props;
    return (
      <InfoCard title="Directory">
        <Typography variant="body2" color="textSecondary" paragraph>
          Only members of these LDAP groups may log in to enroll. Leave the list
          empty to let every directory user enroll. Local portal accounts are
          not affected.
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
