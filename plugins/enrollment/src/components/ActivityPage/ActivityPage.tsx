import {
  Content,
  ContentHeader,
  Progress,
  SupportButton,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { usePermission } from '@backstage/plugin-permission-react';
import Typography from '@material-ui/core/Typography';
import { eventReadPermission } from '@macenroll/plugin-enrollment-common';
import { enrollmentTranslationRef } from '../../translation';
import { EnrollmentLayout } from '../EnrollmentLayout';
import { ActivityTable } from './ActivityTable';

/** The activity log: what happened on the portal, to Macs and by admins. */
export const ActivityPage = () => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const { allowed, loading } = usePermission({
    permission: eventReadPermission,
  });

  let content;
  if (loading) content = <Progress />;
  else if (allowed) content = <ActivityTable />;
  else {
    content = <Typography>{t('activity.notAllowed')}</Typography>;
  }

  return (
    <EnrollmentLayout section="activity">
      <Content>
        <ContentHeader title={t('activity.title')}>
          <SupportButton>{t('activity.support')}</SupportButton>
        </ContentHeader>
        {content}
      </Content>
    </EnrollmentLayout>
  );
};
