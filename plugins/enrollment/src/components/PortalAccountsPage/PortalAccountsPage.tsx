import {
  Content,
  ContentHeader,
  Progress,
  SupportButton,
} from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import Typography from '@material-ui/core/Typography';
import { portalAccountManagePermission } from '@macenroll/plugin-enrollment-common';
import { EnrollmentLayout } from '../EnrollmentLayout';
import { PortalAccounts } from './PortalAccounts';

/** The enrollment portal's local accounts, for admins who manage them. */
export const PortalAccountsPage = () => {
  const { allowed, loading } = usePermission({
    permission: portalAccountManagePermission,
  });

  let content;
  if (loading) content = <Progress />;
  else if (allowed) content = <PortalAccounts />;
  else {
    content = (
      <Typography>
        You need the enrollment.portal-account.manage permission to manage
        portal accounts.
      </Typography>
    );
  }

  return (
    <EnrollmentLayout section="accounts">
      <Content>
        <ContentHeader title="Portal Accounts">
          <SupportButton>
            Local accounts log in to the enrollment portal without a directory
            account. Accounts from app-config are managed there.
          </SupportButton>
        </ContentHeader>
        {content}
      </Content>
    </EnrollmentLayout>
  );
};
