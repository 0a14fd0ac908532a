import {
  Content,
  ContentHeader,
  SupportButton,
} from '@backstage/core-components';
import { EnrollmentLayout } from '../EnrollmentLayout';
import { ComputersTable } from './ComputersTable';

/**
 * Every computer that enrolled or started to, whichever invitation it used.
 * Reading computers is decided per site by the backend, which lists only
 * those the user may see, or refuses (see ComputersTable).
 */
export const ComputersPage = () => (
  <EnrollmentLayout section="computers">
    <Content>
      <ContentHeader title="Enrolled Computers">
        <SupportButton>
          The Macs enrolled into device management, with the person and site
          they belong to and when they last checked in.
        </SupportButton>
      </ContentHeader>
      <ComputersTable />
    </Content>
  </EnrollmentLayout>
);
