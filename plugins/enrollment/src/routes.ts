import { createRouteRef } from '@backstage/core-plugin-api';

/** The enrollment admin page. */
export const rootRouteRef = createRouteRef({ id: 'enrollment' });
