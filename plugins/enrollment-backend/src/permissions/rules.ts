import {
  ENROLLMENT_COMPUTER_RESOURCE_TYPE,
  ENROLLMENT_INVITATION_RESOURCE_TYPE,
} from '@macenroll/plugin-enrollment-common';
import {
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';
import { SiteQuery } from './siteFilter';

/** What the "in site" rule sees of a resource. */
export interface SiteScoped {
  site: { id: string } | null;
}

export const invitationResourceRef = createPermissionResourceRef<
  SiteScoped,
  SiteQuery
>().with({
  pluginId: 'enrollment',
  resourceType: ENROLLMENT_INVITATION_RESOURCE_TYPE,
});

export const computerResourceRef = createPermissionResourceRef<
  SiteScoped,
  SiteQuery
>().with({
  pluginId: 'enrollment',
  resourceType: ENROLLMENT_COMPUTER_RESOURCE_TYPE,
});

const siteParams = z.object({
  siteIds: z
    .array(z.string())
    .describe('The ids of the sites the resource may belong to'),
});

const inSite = {
  name: 'IS_IN_SITE',
  description: 'Allow only resources that belong to one of the given sites',
  paramsSchema: siteParams,
  apply: (resource: SiteScoped, { siteIds }: { siteIds: string[] }) =>
    resource.site !== null && siteIds.includes(resource.site.id),
  toQuery: ({ siteIds }: { siteIds: string[] }) => ({ siteIds }),
};

/** "In site" for invitations: limits an admin to the invitations of some sites. */
export const invitationInSiteRule = createPermissionRule({
  ...inSite,
  resourceRef: invitationResourceRef,
});

/** "In site" for computers. */
export const computerInSiteRule = createPermissionRule({
  ...inSite,
  resourceRef: computerResourceRef,
});
