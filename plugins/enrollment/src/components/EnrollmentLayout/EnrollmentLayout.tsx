import { Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { ReactNode } from 'react';
import { enrollmentTranslationRef } from '../../translation';
import { EnrollmentSection, EnrollmentTabs } from './EnrollmentTabs';

/** The frame of the plugin's top pages: header, and tabs between them. */
export const EnrollmentLayout = (props: {
  section: EnrollmentSection;
  children: ReactNode;
}) => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  return (
    <Page themeId="tool">
      <Header title={t('layout.title')} subtitle={t('layout.subtitle')} />
      <EnrollmentTabs section={props.section} />
      {props.children}
    </Page>
  );
};
