import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { DeviceRules, Site } from '@macenroll/plugin-enrollment-common';
import { Knex } from 'knex';
import { SiteStore } from './SiteStore';
import { toIso } from './rows';

const TABLE = 'enrollment_sites';

function toSite(row: any): Site {
  return {
    id: row.id,
    name: row.name,
    deviceRules: row.device_rules ? JSON.parse(row.device_rules) : undefined,
    createdAt: toIso(row.created_at)!,
    updatedAt: toIso(row.updated_at)!,
  };
}

/** The column's value; undefined leaves the column as it is. */
function rulesColumn(
  rules: DeviceRules | null | undefined,
): string | null | undefined {
  if (rules === undefined) return undefined;
  return rules && (rules.minimumOsVersion || rules.allowedModels?.length)
    ? JSON.stringify(rules)
    : null;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === '23505' || /UNIQUE constraint failed/.test(e.message ?? '');
}

/** The Knex-backed site store. */
export class DatabaseSiteStore implements SiteStore {
  constructor(private readonly db: Knex) {}

  async list(): Promise<Site[]> {
    return (await this.db(TABLE).orderBy('name')).map(toSite);
  }

  async get(id: string): Promise<Site | undefined> {
    const row = await this.db(TABLE).where({ id }).first();
    return row ? toSite(row) : undefined;
  }

  async create(name: string, deviceRules?: DeviceRules | null): Promise<Site> {
    const now = new Date();
    const row = {
      id: randomUUID(),
      name,
      device_rules: rulesColumn(deviceRules) ?? null,
      created_at: now,
      updated_at: now,
    };
    try {
      await this.db(TABLE).insert(row);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(`A site named "${name}" already exists`);
      }
      throw error;
    }
    return toSite(row);
  }

  async rename(
    id: string,
    name: string,
    deviceRules?: DeviceRules | null,
  ): Promise<Site> {
    try {
      const n = await this.db(TABLE)
        .where({ id })
        .update({
          name,
          ...(deviceRules === undefined
            ? {}
            : { device_rules: rulesColumn(deviceRules) }),
          updated_at: new Date(),
        });
      if (!n) throw new NotFoundError(`There is no site with id ${id}`);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(`A site named "${name}" already exists`);
      }
      throw error;
    }
    return (await this.get(id))!;
  }

  async delete(id: string): Promise<void> {
    await this.db.transaction(async trx => {
      const site = await trx(TABLE).where({ id }).first();
      if (!site) throw new NotFoundError(`There is no site with id ${id}`);
      const [{ n: invitations }] = await trx('enrollment_invitations')
        .where({ site_id: id })
        .count({ n: '*' });
      const [{ n: computers }] = await trx('enrollment_computers')
        .where({ site_id: id })
        .count({ n: '*' });
      if (Number(invitations) || Number(computers)) {
        throw new ConflictError(
          `The site "${site.name}" is used by ${Number(
            invitations,
          )} invitation(s) and ${Number(
            computers,
          )} computer(s); move them to another site first`,
        );
      }
      await trx(TABLE).where({ id }).delete();
    });
  }
}
