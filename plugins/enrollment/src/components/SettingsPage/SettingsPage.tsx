import {
  Content,
  ContentHeader,
  Progress,
  ResponseErrorPanel,
  SupportButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Typography from '@material-ui/core/Typography';
import {
  settingsReadPermission,
  settingsUpdatePermission,
} from '@macenroll/plugin-enrollment-common';
import useAsync from 'react-use/esm/useAsync';
import { enrollmentApiRef } from '../../api';
import { EnrollmentLayout } from '../EnrollmentLayout';
import { SettingsEditor } from './SettingsEditor';

const LoadedSettings = (props: { canUpdate: boolean }) => {
  const api = useApi(enrollmentApiRef);
  const { value, loading, error } = useAsync(() => api.getSettings(), [api]);
  if (loading) return <Progress />;
  if (error || !value) {
    return (
      <ResponseErrorPanel
        error={error ?? new Error('The settings could not be loaded')}
      />
    );
  }
  return <SettingsEditor initial={value} canUpdate={props.canUpdate} />;
};

/**
 * The enrollment portal's settings. Seeing them needs the read permission;
 * without the update permission they are shown read-only.
 */
export const SettingsPage = () => {
  const read = usePermission({ permission: settingsReadPermission });
  const update = usePermission({ permission: settingsUpdatePermission });

  let content;
  if (read.loading || (read.allowed && update.loading)) {
    content = <Progress />;
  } else if (!read.allowed) {
    content = (
      <Typography>
        You need the enrollment.settings.read permission to see the enrollment
        settings.
      </Typography>
    );
  } else {
    content = <LoadedSettings canUpdate={update.allowed} />;
  }

  return (
    <EnrollmentLayout section="settings">
      <Content>
        <ContentHeader title="Enrollment Settings">
          <SupportButton>
            What people see on the enrollment portal, who may enroll, and the
            sites computers belong to.
          </SupportButton>
        </ContentHeader>
        {content}
      </Content>
    </EnrollmentLayout>
  );
};
