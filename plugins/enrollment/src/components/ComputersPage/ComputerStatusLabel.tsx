import {
  StatusAborted,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import { ComputerStatus } from '@macenroll/plugin-enrollment-common';

/** Where a computer's enrollment stands. */
export const ComputerStatusLabel = ({ status }: { status: ComputerStatus }) => {
  switch (status) {
    case 'enrolled':
      return <StatusOK>Enrolled</StatusOK>;
    case 'unenrolled':
      return <StatusAborted>Unenrolled</StatusAborted>;
    default:
      return <StatusPending>Enrolling</StatusPending>;
  }
};
