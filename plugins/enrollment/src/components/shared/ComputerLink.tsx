import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Computer } from '@macenroll/plugin-enrollment-common';
import { computerRouteRef } from '../../routes';
import { enrollmentTranslationRef } from '../../translation';
import { EnrollmentT } from '../../utils/translate';

/** What a computer is called: its name, else its serial number. */
export function computerName(computer: Computer, t: EnrollmentT): string {
  return computer.name || computer.serialNumber || t('computer.unnamed');
}

/** Opens the computer's page, named as people know it. */
export const ComputerLink = (props: { computer: Computer }) => {
  const computerRoute = useRouteRef(computerRouteRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  return (
    <Link to={computerRoute({ id: props.computer.id })}>
      {computerName(props.computer, t)}
    </Link>
  );
};
