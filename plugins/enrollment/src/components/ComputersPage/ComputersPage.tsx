import {
  Content,
  ContentHeader,
  SupportButton,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { enrollmentTranslationRef } from '../../translation';
import { EnrollmentLayout } from '../EnrollmentLayout';
import { ComputersTable } from './ComputersTable';

/**
 * Every computer that enrolled or started to, whichever invitation it used.
 * Reading computers is decided per site by the backend, which lists only
 * those the user may see, or refuses (see ComputersTable).
 */
export const ComputersPage = () => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  return (
    <EnrollmentLayout section="computers">
      <Content>
        <ContentHeader title={t('computers.title')}>
          <SupportButton>{t('computers.support')}</SupportButton>
        </ContentHeader>
        <ComputersTable />
      </Content>
    </EnrollmentLayout>
  );
};
