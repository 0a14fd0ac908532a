import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { PushStatus } from '@macenroll/plugin-enrollment-common';

/** Whether the server can wake the Mac, in words for admins. */
export const PushStatusLabel = ({ status }: { status: PushStatus }) => {
  switch (status) {
    case 'active':
      return <StatusOK>Reachable</StatusOK>;
    case 'failing':
      return <StatusError>Pushes failing</StatusError>;
    case 'unregistered':
      return (
        <StatusWarning>
          Unregistered: Apple no longer knows its token
        </StatusWarning>
      );
    default:
      return <StatusAborted>No push token yet</StatusAborted>;
  }
};
