import {
  EmptyState,
  ResponseErrorPanel,
  Table,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import {
  Invitation,
  InvitationOrderBy,
} from '@macenroll/plugin-enrollment-common';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { enrollmentApiRef } from '../../api';
import { useSites } from '../../hooks/useSites';
import { invitationRouteRef } from '../../routes';
import { INVITATION_COLUMNS } from './columns';
import {
  InvitationFilters,
  InvitationFilterValues,
  NO_FILTERS,
} from './InvitationFilters';

const PAGE_SIZES = [10, 25, 50, 100];
const DEFAULT_PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 300;

interface Sort {
  orderBy: InvitationOrderBy;
  order: 'asc' | 'desc';
}

const DEFAULT_SORT: Sort = { orderBy: 'createdAt', order: 'desc' };

/**
 * The invitations, paged, sorted and filtered by the backend.
 * A new `reloadKey` fetches the current page again.
 */
export const InvitationsTable = (props: { reloadKey?: number }) => {
  const api = useApi(enrollmentApiRef);
  const navigate = useNavigate();
  const invitationRoute = useRouteRef(invitationRouteRef);
  const { sites } = useSites();

  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const [filters, setFilters] = useState<InvitationFilterValues>(NO_FILTERS);
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
      api.listInvitations({
        offset: page * pageSize,
        limit: pageSize,
        orderBy: sort.orderBy,
        order: sort.order,
        status: filters.status.length ? filters.status : undefined,
        siteId: filters.siteId || undefined,
        search: search || undefined,
      }),
    [
      api,
      page,
      pageSize,
      sort,
      filters.status,
      filters.siteId,
      search,
      props.reloadKey,
    ],
  );

  const options = useMemo(
    () => ({
      paging: true,
      pageSize,
      pageSizeOptions: PAGE_SIZES,
      emptyRowsWhenPaging: false,
      search: false,
      toolbar: false,
      sorting: true,
      thirdSortClick: false,
      keepSortDirectionOnColumnSwitch: false,
      draggable: false,
    }),
    [pageSize],
  );

  const filtered =
    filters.search.trim() !== '' ||
    filters.status.length > 0 ||
    filters.siteId !== '';

  if (!loading && !error && value?.totalCount === 0 && !filtered) {
    return (
      <EmptyState
        missing="data"
        title="No enrollment invitations yet"
        description="Invitations you send appear here with their status and the computers enrolled with them."
      />
    );
  }

  const changeFilters = (patch: Partial<InvitationFilterValues>) => {
    setFilters(current => ({ ...current, ...patch }));
    if (patch.status !== undefined || patch.siteId !== undefined) setPage(0);
  };

  const changeOrder = (columnIndex: number, direction: 'asc' | 'desc' | '') => {
    const field = INVITATION_COLUMNS[columnIndex]?.field as
      | InvitationOrderBy
      | undefined;
    setSort(
      field && direction ? { orderBy: field, order: direction } : DEFAULT_SORT,
    );
    setPage(0);
  };

  return (
    <>
      <Box mb={2}>
        <InvitationFilters
          value={filters}
          onChange={changeFilters}
          sites={sites}
        />
      </Box>
      {error ? (
        <ResponseErrorPanel error={error} />
      ) : (
        <Table<Invitation>
          columns={INVITATION_COLUMNS}
          data={value?.items ?? []}
          isLoading={loading}
          page={page}
          totalCount={value?.totalCount ?? 0}
          onPageChange={(nextPage, nextPageSize) => {
            setPage(nextPage);
            setPageSize(nextPageSize);
          }}
          onOrderChange={changeOrder}
          onRowClick={(_event, row) => {
            if (row) navigate(invitationRoute({ id: row.id }));
          }}
          emptyContent={
            <Box p={3} textAlign="center">
              No invitations match these filters.
            </Box>
          }
          options={options}
        />
      )}
    </>
  );
};
