import { EmptyState } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { enrollmentApiRef } from '../../api';
import { useServerPage } from '../../hooks/useServerPage';
import { EVENT_COLUMNS } from '../shared/eventColumns';
import { PagedTable } from '../PagedTable';
import { ActivityFilters, NO_ACTIVITY_FILTERS } from './ActivityFilters';

/** The activity log, newest first, paged and filtered by the backend. */
export const ActivityTable = () => {
  const api = useApi(enrollmentApiRef);
  const events = useServerPage({
    initialFilters: NO_ACTIVITY_FILTERS,
    load: ({ offset, limit, filters }) =>
      api.listEvents({
        offset,
        limit,
        category: filters.category || undefined,
        search: filters.search || undefined,
      }),
    deps: [api],
  });

  if (events.nothingYet) {
    return (
      <EmptyState
        missing="data"
        title="No activity yet"
        description="Invitations sent, portal logins, Macs enrolling and changes to the settings appear here as they happen."
      />
    );
  }

  return (
    <PagedTable
      filters={
        <ActivityFilters
          value={events.filters}
          onChange={events.changeFilters}
        />
      }
      serverPage={events}
      columns={EVENT_COLUMNS}
      noMatch="No activity matches these filters."
    />
  );
};
