import { EmptyState } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { useMemo } from 'react';
import { enrollmentApiRef } from '../../api';
import { enrollmentTranslationRef } from '../../translation';
import { useServerPage } from '../../hooks/useServerPage';
import { eventColumns } from '../shared/eventColumns';
import { PagedTable } from '../PagedTable';
import { ActivityFilters, NO_ACTIVITY_FILTERS } from './ActivityFilters';

/** The activity log, newest first, paged and filtered by the backend. */
export const ActivityTable = () => {
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const columns = useMemo(() => eventColumns(t), [t]);
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
        title={t('activity.emptyTitle')}
        description={t('activity.emptyDescription')}
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
      columns={columns}
      noMatch={t('activity.noMatch')}
    />
  );
};
