import {
  Content,
  ContentHeader,
  Progress,
  SupportButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { usePermission } from '@backstage/plugin-permission-react';
import Typography from '@material-ui/core/Typography';
import {
  settingsReadPermission,
  settingsUpdatePermission,
} from '@macenroll/plugin-enrollment-common';
import useAsync from 'react-use/esm/useAsync';
import { enrollmentApiRef } from '../../api';
import { enrollmentTranslationRef } from '../../translation';
import { EnrollmentLayout } from '../EnrollmentLayout';
import { SettingsEditor } from './SettingsEditor';
import { LoadError } from '../shared/LoadError';

const LoadedSettings = (props: { canUpdate: boolean }) => {
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const { value, loading, error } = useAsync(() => api.getSettings(), [api]);
  if (loading) return <Progress />;
  if (error || !value) {
    return <LoadError error={error ?? new Error(t('settings.notLoaded'))} />;
  }
  return <SettingsEditor initial={value} canUpdate={props.canUpdate} />;
};

/**
 * The enrollment portal's settings. Seeing them needs the read permission;
 * without the update permission they are shown read-only.
 */
export const SettingsPage = () => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const read = usePermission({ permission: settingsReadPermission });
  const update = usePermission({ permission: settingsUpdatePermission });

  let content;
  if (read.loading || (read.allowed && update.loading)) {
    content = <Progress />;
  } else if (!read.allowed) {
    content = <Typography>{t('settings.notAllowed')}</Typography>;
  } else {
    content = <LoadedSettings canUpdate={update.allowed} />;
  }

  return (
    <EnrollmentLayout section="settings">
      <Content>
        <ContentHeader title={t('settings.title')}>
          <SupportButton>{t('settings.support')}</SupportButton>
        </ContentHeader>
        {content}
      </Content>
    </EnrollmentLayout>
  );
};
