import { mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';

export type Decide = (permissionName: string) => PolicyDecision;

/** A permissions service whose decisions each test sets. */
export function switchablePermissions() {
  let decide: Decide = () => ({ result: AuthorizeResult.ALLOW });
  const service = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(r => {
        const d = decide(r.permission.name);
        return d.result === AuthorizeResult.CONDITIONAL
          ? { result: AuthorizeResult.DENY }
          : d;
      }) as any,
    authorizeConditional: async requests =>
      requests.map(r => decide(r.permission.name)) as any,
  });
  return { service, set: (d: Decide) => (decide = d) };
}
