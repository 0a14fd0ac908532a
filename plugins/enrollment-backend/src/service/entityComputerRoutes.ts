import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ConditionTransformer } from '@backstage/plugin-permission-node';
import {
  Computer,
  EntityComputers,
  MAC_ENTITY_ANNOTATIONS,
  MAC_RESOURCE_TYPE,
  computerBelongsToUser,
  computerReadPermission,
  entityComputersQuerySchema,
} from '@macenroll/plugin-enrollment-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { ComputerStore } from '../database/ComputerStore';
import { SiteQuery } from '../permissions/siteFilter';
import { Authorizer } from './Authorizer';
import { parseInput } from './schemas';

type EntityComputerRouteOptions = {
  authorizer: Authorizer;
  computers: ComputerStore;
  catalog: CatalogService;
  auth: AuthService;
  computerConditions: ConditionTransformer<SiteQuery>;
};

/** A catalog `User` as far as owning a Mac goes. */
type Person = { ref: string; name: string; email?: string };

function personOf(entity: Entity): Person {
  const profile = (entity.spec?.profile ?? {}) as { email?: unknown };
  return {
    ref: stringifyEntityRef(entity),
    name: entity.metadata.name,
    email: typeof profile.email === 'string' ? profile.email : undefined,
  };
}

/**
 * Reads entities with the plugin's own credentials: what a Mac's owner is
 * does not depend on what the caller may see of the catalog.
 */
function catalogReader(options: EntityComputerRouteOptions) {
  return async (ref: CompoundEntityRef | string) => {
    try {
      return await options.catalog.getEntityByRef(ref, {
        credentials: await options.auth.getOwnServiceCredentials(),
      });
    } catch (error) {
      throw new ServiceUnavailableError(
        `The software catalog could not be read, so the Macs of this entity are unknown; check that the catalog plugin runs in this backend and try again (${error})`,
      );
    }
  };
}

/**
 * The computers recorded for a person that `computerBelongsToUser` agrees
 * are theirs (the catalog module's owner rule); the store narrows by SQL.
 */
async function computersOf(
  computers: ComputerStore,
  person: Person,
  filter?: Parameters<ComputerStore['listForUser']>[1],
): Promise<Computer[]> {
  const found = await computers.listForUser(
    { username: person.name, email: person.email },
    filter,
  );
  return found.filter(c => computerBelongsToUser(c.user, person));
}

function userRefOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
  };
  return principal.type === 'user' ? principal.userEntityRef : undefined;
}

/**
 * `GET /entity-computers?entityRef=`: the Macs on a catalog entity's page,
 * a `User`'s Macs or the one computer behind a Mac's `Resource`. People see
 * their own Macs without any permission; anyone else's need
 * enrollment.computer.read (site-conditional).
 */
export function createEntityComputerRoutes(
  options: EntityComputerRouteOptions,
): express.Router {
  const { authorizer, computers, computerConditions } = options;
  const readEntity = catalogReader(options);
  const router = Router();

  const requireEntity = async (ref: CompoundEntityRef) => {
    const entity = await readEntity(ref);
    if (!entity) {
      throw new NotFoundError(
        `The catalog has no entity ${stringifyEntityRef(
          ref,
        )}: check the ref, that the catalog plugin is installed and that it has read the entity`,
      );
    }
    return entity;
  };

  /** The caller as a catalog `User`, when they are a person the catalog knows. */
  const callerOf = async (credentials: BackstageCredentials) => {
    const ref = userRefOf(credentials);
    const entity = ref ? await readEntity(ref) : undefined;
    return entity ? personOf(entity) : undefined;
  };

  /** Someone else's Macs: 403 unless the policy allows reading computers. */
  const othersFilter = async (req: Request) =>
    (await authorizer.filter(req, computerReadPermission, computerConditions))
      .filter;

  const userComputers = async (
    req: Request,
    credentials: BackstageCredentials,
    ref: CompoundEntityRef,
  ) => {
    const own = userRefOf(credentials);
    const self = !!own && sameRef(own, stringifyEntityRef(ref));
    // Someone else's: refused before the catalog is asked about them.
    const filter = self ? undefined : await othersFilter(req);
    const person = personOf(await requireEntity(ref));
    return computersOf(computers, person, filter);
  };

  const macComputers = async (
    req: Request,
    credentials: BackstageCredentials,
    ref: CompoundEntityRef,
  ) => {
    const entity = await requireEntity(ref);
    if (entity.spec?.type !== MAC_RESOURCE_TYPE) return [];
    const id = entity.metadata.annotations?.[MAC_ENTITY_ANNOTATIONS.computerId];
    const computer = id ? await computers.get(id) : undefined;
    if (!computer) return [];
    const caller = await callerOf(credentials);
    if (caller && computerBelongsToUser(computer.user, caller)) {
      return [computer];
    }
    const filter = await othersFilter(req);
    if (filter && !(await computers.getDetails(computer.id, filter))) {
      throw new NotAllowedError(
        `You are not allowed to see this Mac: its site is outside those the "${computerReadPermission.name}" permission gives you`,
      );
    }
    return [computer];
  };

  router.get('/entity-computers', async (req, res) => {
    const { entityRef } = parseInput(
      entityComputersQuerySchema,
      req.query,
      'query',
    );
    const ref = parseEntityRef(entityRef);
    const credentials = await authorizer.credentials(req);
    const items =
      ref.kind.toLowerCase() === 'user'
        ? await userComputers(req, credentials, ref)
        : await macComputers(req, credentials, ref);
    res.json({ items } satisfies EntityComputers);
  });

  return router;
}

/** Entity refs compare without regard to case, as the catalog does. */
function sameRef(a: string, b: string): boolean {
  return (
    stringifyEntityRef(parseEntityRef(a)).toLowerCase() ===
    stringifyEntityRef(parseEntityRef(b)).toLowerCase()
  );
}
