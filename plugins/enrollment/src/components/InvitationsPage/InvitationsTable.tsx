import { EmptyState } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { InvitationOrderBy } from '@macenroll/plugin-enrollment-common';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { enrollmentApiRef } from '../../api';
import { useServerPage } from '../../hooks/useServerPage';
import { useSites } from '../../hooks/useSites';
import { invitationRouteRef } from '../../routes';
import { PagedTable } from '../PagedTable';
import { INVITATION_COLUMNS } from './columns';
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
  });

  if (invitations.nothingYet) {
    return (
      <EmptyState
        missing="data"
        title="No enrollment invitations yet"
        description="Invitations you send appear here with their status and the computers enrolled with them."
      />
    );
  }

  const changeOrder = (columnIndex: number, direction: 'asc' | 'desc' | '') => {
    const field = INVITATION_COLUMNS[columnIndex]?.field as
      | InvitationOrderBy
      | undefined;
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
      columns={INVITATION_COLUMNS}
      noMatch="No invitations match these filters."
      onOrderChange={changeOrder}
      onRowClick={(_event, row) => {
        if (row) navigate(invitationRoute({ id: row.id }));
      }}
    />
  );
};
