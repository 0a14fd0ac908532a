import {
  EmptyState,
  ResponseErrorPanel,
  Table,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import { EnrollmentEvent } from '@macenroll/plugin-enrollment-common';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { enrollmentApiRef } from '../../api';
import { EVENT_COLUMNS } from '../eventColumns';
import {
  ActivityFilters,
  ActivityFilterValues,
  NO_ACTIVITY_FILTERS,
} from './ActivityFilters';

const PAGE_SIZES = [10, 25, 50, 100];
const DEFAULT_PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 300;

/** The activity log, newest first, paged and filtered by the backend. */
export const ActivityTable = () => {
  const api = useApi(enrollmentApiRef);

  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const [filters, setFilters] =
    useState<ActivityFilterValues>(NO_ACTIVITY_FILTERS);
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
      api.listEvents({
        offset: page * pageSize,
        limit: pageSize,
        category: filters.category || undefined,
        search: search || undefined,
      }),
    [api, page, pageSize, filters.category, search],
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

  const filtered = filters.search.trim() !== '' || filters.category !== '';

  if (!loading && !error && value?.totalCount === 0 && !filtered) {
    return (
      <EmptyState
        missing="data"
        title="No activity yet"
        description="Invitations sent, portal logins, Macs enrolling and changes to the settings appear here as they happen."
      />
    );
  }

  const changeFilters = (patch: Partial<ActivityFilterValues>) => {
    setFilters(current => ({ ...current, ...patch }));
    if (patch.category !== undefined) setPage(0);
  };

  return (
    <>
      <Box mb={2}>
        <ActivityFilters value={filters} onChange={changeFilters} />
      </Box>
      {error ? (
        <ResponseErrorPanel error={error} />
      ) : (
        <Table<EnrollmentEvent>
          columns={EVENT_COLUMNS}
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
              No activity matches these filters.
            </Box>
          }
          options={options}
        />
      )}
    </>
  );
};
