import { Header, Page } from '@backstage/core-components';
import { ReactNode } from 'react';
import { EnrollmentSection, EnrollmentTabs } from './EnrollmentTabs';

/** The frame of the plugin's top pages: header, and tabs between them. */
export const EnrollmentLayout = (props: {
  section: EnrollmentSection;
  children: ReactNode;
}) => (
  <Page themeId="tool">
    <Header
      title="Enrollment"
      subtitle="Invite people to enroll their Macs into device management"
    />
    <EnrollmentTabs section={props.section} />
    {props.children}
  </Page>
);
