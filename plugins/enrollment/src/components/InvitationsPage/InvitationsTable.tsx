import { EmptyState } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { InvitationOrderBy } from '@macenroll/plugin-enrollment-common';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { enrollmentApiRef } from '../../api';
import { useServerPage } from '../../hooks/useServerPage';
import { useSites } from '../../hooks/useSites';
import { invitationRouteRef } from '../../routes';
import { enrollmentTranslationRef } from '../../translation';
import { PagedTable } from '../PagedTable';
import { invitationColumns } from './columns';
import { InvitationFilters, NO_FILTERS } from './InvitationFilters';

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
  const { t } = useTranslationRef(enrollmentTranslationRef);
  // Stable, so the table keeps its sort state.
  const columns = useMemo(() => invitationColumns(t), [t]);
  const navigate = useNavigate();
  const invitationRoute = useRouteRef(invitationRouteRef);
  const { sites } = useSites();
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const invitations = useServerPage({
    initialFilters: NO_FILTERS,
    load: ({ offset, limit, filters }) =>
      api.listInvitations({
        offset,
        limit,
        orderBy: sort.orderBy,
        order: sort.order,
        status: filters.status.length ? filters.status : undefined,
        siteId: filters.siteId || undefined,
        search: filters.search || undefined,
      }),
    deps: [api, sort, props.reloadKey],
    // Mail on its way: the status changes by itself.
    inFlight: invitation => invitation.status === 'pending',
  });

  if (invitations.nothingYet) {
    return (
      <EmptyState
        missing="data"
        title={t('invitations.emptyTitle')}
        description={t('invitations.emptyDescription')}
      />
    );
  }

  const changeOrder = (columnIndex: number, direction: 'asc' | 'desc' | '') => {
    const field = columns[columnIndex]?.field as InvitationOrderBy | undefined;
    setSort(
      field && direction ? { orderBy: field, order: direction } : DEFAULT_SORT,
    );
    invitations.firstPage();
  };

  return (
    <PagedTable
      filters={
        <InvitationFilters
          value={invitations.filters}
          onChange={invitations.changeFilters}
          sites={sites}
        />
      }
      serverPage={invitations}
      columns={columns}
      noMatch={t('invitations.noMatch')}
      onOrderChange={changeOrder}
      onRowClick={(_event, row) => {
        if (row) navigate(invitationRoute({ id: row.id }));
      }}
    />
  );
};
