import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  DEFAULT_NAMESPACE,
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { OwnerRules } from './owner';

const KEY = 'catalog.providers.enrollment';

/** `catalog.providers.enrollment`, read once at start. */
export interface EnrollmentProviderConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  owners: OwnerRules;
  /** `app.baseUrl`, for the link to the admin computer page. */
  appBaseUrl?: string;
}

const validator = makeValidator();

/** `value` as a full group ref, or undefined when it is not one. */
function groupRef(value: string): string | undefined {
  try {
    const ref = parseEntityRef(value, {
      defaultKind: 'group',
      defaultNamespace: DEFAULT_NAMESPACE,
    });
    return ref.kind.toLowerCase() === 'group' &&
      validator.isValidNamespace(ref.namespace) &&
      validator.isValidEntityName(ref.name)
      ? stringifyEntityRef(ref)
      : undefined;
  } catch {
    return undefined;
  }
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
  // Site names may hold spaces, which config keys may not: read the object.
  const mapping = provider?.getOptional('siteGroups') ?? {};
  if (typeof mapping !== 'object' || Array.isArray(mapping)) {
    throw new Error(
      `${KEY}.siteGroups must map site names to group entity refs`,
    );
  }
  for (const [site, value] of Object.entries(mapping)) {
    const ref = typeof value === 'string' ? groupRef(value) : undefined;
    if (!ref) {
      throw new Error(
        `${KEY}.siteGroups["${site}"] is ${JSON.stringify(
          value,
        )}, which is not a group: write it as group:<namespace>/<name> or <name>`,
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
