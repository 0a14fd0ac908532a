import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { DeliveryState as State } from '@macenroll/plugin-enrollment-common';
import { enrollmentTranslationRef } from '../../translation';

/** Where one recipient's mail stands. */
export const DeliveryState = ({ state }: { state: State }) => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  switch (state) {
    case 'sent':
      return <StatusOK>{t('invitation.delivery.sent')}</StatusOK>;
    case 'failed':
      return <StatusError>{t('invitation.delivery.failed')}</StatusError>;
    case 'sending':
      return <StatusRunning>{t('invitation.delivery.sending')}</StatusRunning>;
    default:
      return <StatusPending>{t('invitation.delivery.pending')}</StatusPending>;
  }
};
