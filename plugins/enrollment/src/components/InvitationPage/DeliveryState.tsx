import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
} from '@backstage/core-components';
import { DeliveryState as State } from '@macenroll/plugin-enrollment-common';

/** Where one recipient's mail stands. */
export const DeliveryState = ({ state }: { state: State }) => {
  switch (state) {
    case 'sent':
      return <StatusOK>Sent</StatusOK>;
    case 'failed':
      return <StatusError>Failed</StatusError>;
    case 'sending':
      return <StatusRunning>Sending</StatusRunning>;
    default:
      return <StatusPending>Pending</StatusPending>;
  }
};
