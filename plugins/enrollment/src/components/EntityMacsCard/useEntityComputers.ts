import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { enrollmentApiRef } from '../../api';

/** The Macs of the entity whose page this is, as the backend lets the viewer see them. */
export function useEntityComputers() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(enrollmentApiRef);
  return useAsync(() => api.getEntityComputers(entityRef), [api, entityRef]);
}

/** The backend's 403: the viewer may not see these Macs, which is no fault. */
export function isNotAllowed(error: Error): boolean {
  return (error as { statusCode?: number }).statusCode === 403;
}
