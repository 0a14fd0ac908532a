import {
  EmptyState,
  LinkButton,
  ResponseErrorPanel,
  Table,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Computer } from '@macenroll/plugin-enrollment-common';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { enrollmentApiRef } from '../../api';
import { useSites } from '../../hooks/useSites';
import { rootRouteRef } from '../../routes';
import { isNotAllowed } from '../errorMessage';
import { COMPUTER_COLUMNS } from './columns';
import {
  ComputerFilters,
  ComputerFilterValues,
  NO_COMPUTER_FILTERS,
} from './ComputerFilters';

const PAGE_SIZES = [10, 25, 50, 100];
const DEFAULT_PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 300;

/** The computers the user may see, paged and filtered by the backend. */
export const ComputersTable = () => {
  const api = useApi(enrollmentApiRef);
  const invitationsLink = useRouteRef(rootRouteRef)();
  // Admins who may not list sites still see the computers, unfiltered by site.
  const { sites } = useSites();

  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const [filters, setFilters] =
    useState<ComputerFilterValues>(NO_COMPUTER_FILTERS);
  const [search, setSearch] = useState('');

  useDebounce(
    () => {
      const next = filters.search.trim();
      if (next !== search) {
        setSearch(next);
        setPage(0);
      }
    },
    SEARCH_DELAY_MS,
    [filters.search],
  );

  const { value, loading, error } = useAsync(
    () =>
      api.listComputers({
        offset: page * pageSize,
        limit: pageSize,
        siteId: filters.siteId || undefined,
        search: search || undefined,
      }),
    [api, page, pageSize, filters.siteId, search],
  );

  const options = useMemo(
    () => ({
      paging: true,
      pageSize,
      pageSizeOptions: PAGE_SIZES,
      emptyRowsWhenPaging: false,
      search: false,
      toolbar: false,
      sorting: false,
      draggable: false,
    }),
    [pageSize],
  );

  // The frontend cannot ask about a permission decided per site; the
  // backend answers 403 when the user may see the computers of no site.
  if (isNotAllowed(error)) {
    return (
      <Typography>
        You need the enrollment.computer.read permission to see the enrolled
        computers.
      </Typography>
    );
  }

  const filtered = filters.search.trim() !== '' || filters.siteId !== '';

  if (!loading && !error && value?.totalCount === 0 && !filtered) {
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

  const changeFilters = (patch: Partial<ComputerFilterValues>) => {
    setFilters(current => ({ ...current, ...patch }));
    if (patch.siteId !== undefined) setPage(0);
  };

  return (
    <>
      <Box mb={2}>
        <ComputerFilters
          value={filters}
          onChange={changeFilters}
          sites={sites}
        />
      </Box>
      {error ? (
        <ResponseErrorPanel error={error} />
      ) : (
        <Table<Computer>
          columns={COMPUTER_COLUMNS}
          data={value?.items ?? []}
          isLoading={loading}
          page={page}
          totalCount={value?.totalCount ?? 0}
          onPageChange={(nextPage, nextPageSize) => {
            setPage(nextPage);
            setPageSize(nextPageSize);
          }}
          emptyContent={
            <Box p={3} textAlign="center">
              No computers match these filters.
            </Box>
          }
          options={options}
        />
      )}
    </>
  );
};
