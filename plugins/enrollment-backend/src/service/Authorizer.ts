import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { ConditionTransformer } from '@backstage/plugin-permission-node';
import { Request } from 'express';
import { SiteFilter, SiteQuery } from '../permissions/siteFilter';

function denied(permission: { name: string }): NotAllowedError {
  return new NotAllowedError(
    `You are not allowed to do this: it needs the "${permission.name}" permission`,
  );
}

/** Credentials and permission decisions for the admin routes. */
export class Authorizer {
  constructor(
    private readonly httpAuth: HttpAuthService,
    private readonly permissions: PermissionsService,
  ) {}

  credentials(req: Request): Promise<BackstageCredentials> {
    return this.httpAuth.credentials(req, { allow: ['user', 'service'] });
  }

  /** Who did it, for the records: a user ref or `service:<subject>`. */
  static actorOf(credentials: BackstageCredentials): string {
    const p = credentials.principal as {
      type: string;
      userEntityRef?: string;
      subject?: string;
    };
    return p.type === 'user'
      ? p.userEntityRef!
      : `service:${p.subject ?? 'unknown'}`;
  }

  /** Throws 401 without credentials and 403 unless the policy allows. */
  async require(
    req: Request,
    permission: BasicPermission,
  ): Promise<BackstageCredentials> {
    const credentials = await this.credentials(req);
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) throw denied(permission);
    return credentials;
  }

  /** Allowed when any one of the permissions is. */
  async requireAny(
    req: Request,
    permissions: BasicPermission[],
  ): Promise<BackstageCredentials> {
    const credentials = await this.credentials(req);
    const decisions = await this.permissions.authorize(
      permissions.map(permission => ({ permission })),
      { credentials },
    );
    if (!decisions.some(d => d.result === AuthorizeResult.ALLOW))
      throw denied(permissions[0]);
    return credentials;
  }

  /** The policy's decision on a site-scoped permission, as a site filter. */
  private async siteDecision(
    credentials: BackstageCredentials,
    permission: ResourcePermission,
    transform: ConditionTransformer<SiteQuery>,
  ): Promise<{ denied: boolean; filter: SiteFilter }> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    return {
      denied: decision.result === AuthorizeResult.DENY,
      filter:
        decision.result === AuthorizeResult.CONDITIONAL
          ? transform(decision.conditions)
          : undefined,
    };
  }

  /**
   * The sites a conditional decision limits these credentials to, for a
   * permission they may hold only for some sites; undefined when the policy
   * allows it everywhere or not at all (nothing to limit to).
   */
  async siteLimit(
    credentials: BackstageCredentials,
    permission: ResourcePermission,
    transform: ConditionTransformer<SiteQuery>,
  ): Promise<SiteFilter> {
    return (await this.siteDecision(credentials, permission, transform)).filter;
  }

  /**
   * For reads and changes of site-scoped resources: undefined when the policy
   * allows all, the site criteria when it allows some, 403 when it denies.
   */
  async filter(
    req: Request,
    permission: ResourcePermission,
    transform: ConditionTransformer<SiteQuery>,
  ): Promise<{ credentials: BackstageCredentials; filter: SiteFilter }> {
    const credentials = await this.credentials(req);
    const { denied: refused, filter } = await this.siteDecision(
      credentials,
      permission,
      transform,
    );
    if (refused) throw denied(permission);
    return { credentials, filter };
  }
}
