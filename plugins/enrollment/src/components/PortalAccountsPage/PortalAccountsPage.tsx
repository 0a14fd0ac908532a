import {
  Content,
  ContentHeader,
  Progress,
  SupportButton,
} from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import Typography from '@material-ui/core/Typography';
import { portalAccountManagePermission } from '@macenroll/plugin-enrollment-common';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { enrollmentTranslationRef } from '../../translation';
import { EnrollmentLayout } from '../EnrollmentLayout';
import { PortalAccounts } from './PortalAccounts';

/** The enrollment portal's local accounts, for admins who manage them. */
export const PortalAccountsPage = () => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const { allowed, loading } = usePermission({
    permission: portalAccountManagePermission,
  });

  let content;
  if (loading) content = <Progress />;
  else if (allowed) content = <PortalAccounts />;
  else {
    content = <Typography>{t('accounts.notAllowed')}</Typography>;
  }

  return (
    <EnrollmentLayout section="accounts">
      <Content>
        <ContentHeader title={t('accounts.title')}>
          <SupportButton>{t('accounts.support')}</SupportButton>
        </ContentHeader>
        {content}
      </Content>
    </EnrollmentLayout>
  );
};
