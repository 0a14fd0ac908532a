import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { Computer } from '@macenroll/plugin-enrollment-common';
import { computerRouteRef } from '../../routes';

/** What a computer is called: its name, else its serial number. */
export function computerName(computer: Computer): string {
  return computer.name || computer.serialNumber || 'Unnamed Mac';
}

/** Opens the computer's page, named as people know it. */
export const ComputerLink = (props: { computer: Computer }) => {
  const computerRoute = useRouteRef(computerRouteRef);
  return (
    <Link to={computerRoute({ id: props.computer.id })}>
      {computerName(props.computer)}
    </Link>
  );
};
