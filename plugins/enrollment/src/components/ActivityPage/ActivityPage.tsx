import {
  Content,
  ContentHeader,
  Progress,
  SupportButton,
} from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import Typography from '@material-ui/core/Typography';
import { eventReadPermission } from '@macenroll/plugin-enrollment-common';
import { EnrollmentLayout } from '../EnrollmentLayout';
import { ActivityTable } from './ActivityTable';

/** The activity log: what happened on the portal, to Macs and by admins. */
export const ActivityPage = () => {
  const { allowed, loading } = usePermission({
    permission: eventReadPermission,
  });

  let content;
  if (loading) content = <Progress />;
  else if (allowed) content = <ActivityTable />;
  else {
    content = (
      <Typography>
        You need the enrollment.event.read permission to see the enrollment
        activity.
      </Typography>
    );
  }

  return (
    <EnrollmentLayout section="activity">
      <Content>
        <ContentHeader title="Enrollment Activity">
          <SupportButton>
            Invitations sent, portal logins, certificates issued, Macs checking
            in and changes admins made, newest first.
          </SupportButton>
        </ContentHeader>
        {content}
      </Content>
    </EnrollmentLayout>
  );
};
