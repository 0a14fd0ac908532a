import { PermissionsRegistryService } from '@backstage/backend-plugin-api';
import { createConditionTransformer } from '@backstage/plugin-permission-node';
import {
  computerCommandPermission,
  computerReadPermission,
  enrollmentPermissions,
  invitationDeletePermission,
  invitationReadPermission,
  invitationUpdatePermission,
} from '@macenroll/plugin-enrollment-common';
import {
  SiteScoped,
  computerInSiteRule,
  computerResourceRef,
  invitationInSiteRule,
  invitationResourceRef,
} from './rules';

/**
 * Makes the plugin's permissions and its two site-scoped resource types
 * known to policies and the permission UI; returns the transformers that
 * turn a conditional decision into a site filter.
 */
export function registerEnrollmentPermissions(
  registry: PermissionsRegistryService,
  resources: {
    invitations: {
      get(id: string, now: Date): Promise<SiteScoped | undefined>;
    };
    computers: { get(id: string): Promise<SiteScoped | undefined> };
  },
) {
  registry.addPermissions(enrollmentPermissions);
  registry.addResourceType({
    resourceRef: invitationResourceRef,
    permissions: [
      invitationReadPermission,
      invitationUpdatePermission,
      invitationDeletePermission,
    ],
    rules: [invitationInSiteRule],
    getResources: async ids =>
      Promise.all(ids.map(id => resources.invitations.get(id, new Date()))),
  });
  registry.addResourceType({
    resourceRef: computerResourceRef,
    permissions: [computerReadPermission, computerCommandPermission],
    rules: [computerInSiteRule],
    getResources: async ids =>
      Promise.all(ids.map(id => resources.computers.get(id))),
  });
  return {
    invitationConditions: createConditionTransformer(
      registry.getPermissionRuleset(invitationResourceRef),
    ),
    computerConditions: createConditionTransformer(
      registry.getPermissionRuleset(computerResourceRef),
    ),
  };
}
