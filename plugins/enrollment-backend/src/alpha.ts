import { createConditionExports } from '@backstage/plugin-permission-node';
import {
  computerInSiteRule,
  computerResourceRef,
  invitationInSiteRule,
  invitationResourceRef,
} from './permissions/rules';

const invitationExports = createConditionExports({
  resourceRef: invitationResourceRef,
  rules: { isInSite: invitationInSiteRule },
});

const computerExports = createConditionExports({
  resourceRef: computerResourceRef,
  rules: { isInSite: computerInSiteRule },
});

/**
 * Conditions for permission policies on invitations, e.g.
 * `invitationConditions.isInSite({ siteIds: ['paris'] })`.
 *
 * @alpha
 */
export const invitationConditions = invitationExports.conditions;

/**
 * A conditional decision on an invitation permission, for a policy.
 *
 * @alpha
 */
export const createInvitationConditionalDecision =
  invitationExports.createConditionalDecision;

/**
 * Conditions for permission policies on computers.
 *
 * @alpha
 */
export const computerConditions = computerExports.conditions;

/**
 * A conditional decision on a computer permission, for a policy.
 *
 * @alpha
 */
export const createComputerConditionalDecision =
  computerExports.createConditionalDecision;
