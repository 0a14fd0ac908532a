import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { OwnerRules } from './owner';

const KEY = 'catalog.providers.enrollment';

/** `catalog.providers.enrollment`, read once at start. */
export interface EnrollmentProviderConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  owners: OwnerRules;
  /** `app.baseUrl`, for the link to the admin computer page. */
  appBaseUrl?: string;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
};

export function readEnrollmentProviderConfig(
  config: RootConfigService,
): EnrollmentProviderConfig {
  const provider = config.getOptionalConfig(KEY);
  const schedule = provider?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        provider.getConfig('schedule'),
      )
    : DEFAULT_SCHEDULE;

  const siteGroups = new Map<string, string>();
  const mapping = provider?.getOptionalConfig('siteGroups');
  for (const site of mapping?.keys() ?? []) {
    const value = mapping!.getString(site);
    let ref: string;
    try {
      ref = stringifyEntityRef(
        parseEntityRef(value, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      );
    } catch (error) {
      throw new Error(
        `${KEY}.siteGroups["${site}"] is "${value}", which is not an entity ref: write it as group:default/<name> (${error})`,
      );
    }
    siteGroups.set(site.trim().toLowerCase(), ref);
  }

  return {
    schedule,
    owners: {
      siteGroups,
      defaultOwner: provider?.getOptionalString('defaultOwner') ?? 'unknown',
    },
    appBaseUrl: config.getOptionalString('app.baseUrl')?.replace(/\/+$/, ''),
  };
}
