import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  computerReadPermission,
  invitationReadPermission,
} from '@macenroll/plugin-enrollment-common';
import {
  computerConditions,
  createComputerConditionalDecision,
  createInvitationConditionalDecision,
  invitationConditions,
} from './alpha';

describe('permission policy helpers', () => {
  it('build the site conditions the plugin evaluates', () => {
    expect(
      createInvitationConditionalDecision(
        invitationReadPermission,
        invitationConditions.isInSite({ siteIds: ['paris'] }),
      ),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'enrollment',
      resourceType: 'enrollment-invitation',
      conditions: {
        rule: 'IS_IN_SITE',
        resourceType: 'enrollment-invitation',
        params: { siteIds: ['paris'] },
      },
    });
    expect(
      createComputerConditionalDecision(
        computerReadPermission,
        computerConditions.isInSite({ siteIds: ['paris'] }),
      ).conditions,
    ).toEqual({
      rule: 'IS_IN_SITE',
      resourceType: 'enrollment-computer',
      params: { siteIds: ['paris'] },
    });
  });
});
