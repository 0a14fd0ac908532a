import { useApi } from '@backstage/core-plugin-api';
import { Site } from '@macenroll/plugin-enrollment-common';
import useAsync from 'react-use/esm/useAsync';
import { enrollmentApiRef } from '../api';

/**
 * The sites to choose from. Not every admin may read them, so callers offer
 * "no site" and explain when they could not be loaded.
 */
export function useSites(): {
  sites: Site[];
  loading: boolean;
  error?: Error;
} {
  const api = useApi(enrollmentApiRef);
  const { value, loading, error } = useAsync(() => api.listSites(), [api]);
  return { sites: value?.items ?? [], loading, error };
}
