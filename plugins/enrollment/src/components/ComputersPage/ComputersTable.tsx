import { EmptyState, LinkButton } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Typography from '@material-ui/core/Typography';
import { useMemo } from 'react';
import { enrollmentApiRef } from '../../api';
import { useServerPage } from '../../hooks/useServerPage';
import { useSites } from '../../hooks/useSites';
import { rootRouteRef } from '../../routes';
import { enrollmentTranslationRef } from '../../translation';
import { isNotAllowed } from '../../utils/errorMessage';
import { PagedTable } from '../PagedTable';
import { computerColumns } from './columns';
import { ComputerFilters, NO_COMPUTER_FILTERS } from './ComputerFilters';

/** The computers the user may see, paged and filtered by the backend. */
export const ComputersTable = () => {
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const columns = useMemo(() => computerColumns(t), [t]);
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
    // A Mac between Authenticate and its first TokenUpdate.
    inFlight: computer => computer.status === 'enrolling',
  });

  // The frontend cannot ask about a permission decided per site; the
  // backend answers 403 when the user may see the computers of no site.
  if (isNotAllowed(computers.error)) {
    return <Typography>{t('computers.notAllowed')}</Typography>;
  }

  if (computers.nothingYet) {
    return (
      <EmptyState
        missing="data"
        title={t('computers.emptyTitle')}
        description={t('computers.emptyDescription')}
        action={
          <LinkButton to={invitationsLink} variant="contained" color="primary">
            {t('computers.goToInvitations')}
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
      columns={columns}
      noMatch={t('computers.noMatch')}
    />
  );
};
