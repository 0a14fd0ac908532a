import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { PushStatus } from '@macenroll/plugin-enrollment-common';
import { enrollmentTranslationRef } from '../../translation';

/** Whether the server can wake the Mac, in words for admins. */
export const PushStatusLabel = ({ status }: { status: PushStatus }) => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  switch (status) {
    case 'active':
      return <StatusOK>{t('pushStatus.active')}</StatusOK>;
    case 'failing':
      return <StatusError>{t('pushStatus.failing')}</StatusError>;
    case 'unregistered':
      return <StatusWarning>{t('pushStatus.unregistered')}</StatusWarning>;
    default:
      return <StatusAborted>{t('pushStatus.none')}</StatusAborted>;
  }
};
