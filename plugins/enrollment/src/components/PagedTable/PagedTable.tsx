import { Table, TableColumn, TableProps } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ReactNode, useMemo } from 'react';
import { LoadedPage, PAGE_SIZES } from '../../hooks/useServerPage';
import { enrollmentTranslationRef } from '../../translation';
import { LoadError } from '../shared/LoadError';

// The backend pages and filters, so the table must not do it again on the
// rows of one page.
const SERVER_PAGED = {
  paging: true,
  pageSizeOptions: PAGE_SIZES,
  emptyRowsWhenPaging: false,
  search: false,
  toolbar: false,
  sorting: false,
  draggable: false,
  // Compact rows: more of a long list on one screen.
  padding: 'dense' as const,
};

// A third click would drop the sort, and another column would keep the old
// direction: neither maps onto an order the backend can be asked for.
const SERVER_SORTED = {
  ...SERVER_PAGED,
  sorting: true,
  thirdSortClick: false,
  keepSortDirectionOnColumnSwitch: false,
};

/**
 * A page loaded with `useServerPage` under its filters, or the error it
 * failed with. The columns sort only with `onOrderChange`, which should ask
 * the backend for that order.
 */
export function PagedTable<T extends object>(props: {
  filters: ReactNode;
  serverPage: LoadedPage<T>;
  columns: TableColumn<T>[];
  /** Shown in the table when no row matches the filters. */
  noMatch: string;
  onOrderChange?: TableProps<T>['onOrderChange'];
  onRowClick?: TableProps<T>['onRowClick'];
}) {
  const { filters, serverPage, columns, noMatch, onOrderChange, onRowClick } =
    props;
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const { pageSize } = serverPage;
  const sortable = onOrderChange !== undefined;
  const options = useMemo(
    () => ({ ...(sortable ? SERVER_SORTED : SERVER_PAGED), pageSize }),
    [sortable, pageSize],
  );

  return (
    <>
      <Box mb={2}>{filters}</Box>
      {serverPage.error ? (
        <LoadError error={serverPage.error} onRetry={serverPage.retry} />
      ) : (
        <Table<T>
          columns={columns}
          data={serverPage.items}
          isLoading={serverPage.loading}
          page={serverPage.page}
          totalCount={serverPage.totalCount}
          onPageChange={serverPage.changePage}
          onOrderChange={onOrderChange}
          onRowClick={onRowClick}
          emptyContent={
            <Box p={3} textAlign="center">
              {noMatch}
            </Box>
          }
          options={options}
        />
      )}
      {!serverPage.error && serverPage.totalCountIsEstimate && (
        // The pager prints the total as if it were exact.
        <Box mt={1}>
          <Typography variant="caption" color="textSecondary">
            {t('common.estimatedTotal', {
              total: serverPage.totalCount.toLocaleString('en-US'),
            })}
          </Typography>
        </Box>
      )}
    </>
  );
}
