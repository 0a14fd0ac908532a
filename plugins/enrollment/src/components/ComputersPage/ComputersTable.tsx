import { EmptyState, LinkButton } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { enrollmentApiRef } from '../../api';
import { useServerPage } from '../../hooks/useServerPage';
import { useSites } from '../../hooks/useSites';
import { rootRouteRef } from '../../routes';
import { isNotAllowed } from '../../utils/errorMessage';
import { PagedTable } from '../PagedTable';
import { COMPUTER_COLUMNS } from './columns';
import { ComputerFilters, NO_COMPUTER_FILTERS } from './ComputerFilters';

/** The computers the user may see, paged and filtered by the backend. */
export const ComputersTable = () => {
  const api = useApi(enrollmentApiRef);
  const invitationsLink = useRouteRef(rootRouteRef)();
  // Admins who may not list sites still see the computers, unfiltered by site.
  const { sites } = useSites();
  const computers = useServerPage({
    initialFilters: NO_COMPUTER_FILTERS,
    load: ({ offset, limit, filters }) =>
      api.listComputers({
        offset,
        limit,
        siteId: filters.siteId || undefined,
        search: filters.search || undefined,
      }),
    deps: [api],
  });

  // The frontend cannot ask about a permission decided per site; the
  // backend answers 403 when the user may see the computers of no site.
  if (isNotAllowed(computers.error)) {
    return (
      <Typography>
        You need the enrollment.computer.read permission to see the enrolled
        computers.
      </Typography>
    );
  }

  if (computers.nothingYet) {
    return (
      <EmptyState
        missing="data"
        title="No computers have enrolled yet"
        description="Send an enrollment invitation: the Macs enrolled with its link appear here."
        action={
          <LinkButton to={invitationsLink} variant="contained" color="primary">
            Go to invitations
          </LinkButton>
        }
      />
    );
  }

  return (
    <PagedTable
      filters={
        <ComputerFilters
          value={computers.filters}
          onChange={computers.changeFilters}
          sites={sites}
        />
      }
      serverPage={computers}
      columns={COMPUTER_COLUMNS}
      noMatch="No computers match these filters."
    />
  );
};
