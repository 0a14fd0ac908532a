import {
  StatusAborted,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { ComputerStatus } from '@macenroll/plugin-enrollment-common';
import { enrollmentTranslationRef } from '../../translation';

/** Where a computer's enrollment stands. */
export const ComputerStatusLabel = ({ status }: { status: ComputerStatus }) => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  switch (status) {
    case 'enrolled':
      return <StatusOK>{t('computerStatus.enrolled')}</StatusOK>;
    case 'unenrolled':
      return <StatusAborted>{t('computerStatus.unenrolled')}</StatusAborted>;
    default:
      return <StatusPending>{t('computerStatus.enrolling')}</StatusPending>;
  }
};
