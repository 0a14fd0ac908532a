import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_VIEW_URL,
  DEFAULT_NAMESPACE,
  Entity,
  EntityLink,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  catalogSafeValue,
  Computer,
  MAC_ENTITY_ANNOTATIONS,
  MAC_ENTITY_LABELS,
  MAC_RESOURCE_TYPE,
  macEntityName,
} from '@macenroll/plugin-enrollment-common';

/** The entity ref of a Mac's entity, for removing it. */
export function computerEntityRef(computer: Computer): string {
  // The catalog keeps refs lower-cased and matches removals exactly.
  return stringifyEntityRef({
    kind: 'Resource',
    namespace: DEFAULT_NAMESPACE,
    name: macEntityName(computer),
  });
}

/**
 * A Mac as a catalog `Resource` of type `mac`, owned by `owner`, linking to
 * its page in the enrollment admin UI when `appBaseUrl` is known.
 */
export function computerToEntity(
  computer: Computer,
  options: { owner: string; appBaseUrl?: string },
): Entity {
  const name = macEntityName(computer);
  const page = options.appBaseUrl
    ? `${options.appBaseUrl}/enrollment/computers/${encodeURIComponent(
        computer.id,
      )}`
    : undefined;

  const annotations: Record<string, string> = {
    [MAC_ENTITY_ANNOTATIONS.computerId]: computer.id,
    [MAC_ENTITY_ANNOTATIONS.udid]: computer.udid,
  };
  if (computer.serialNumber) {
    annotations[MAC_ENTITY_ANNOTATIONS.serialNumber] = computer.serialNumber;
  }
  // The catalog needs a location for every entity; the record this one
  // comes from is the computer page.
  const location = page ? `url:${page}` : `enrollment:${computer.id}`;
  annotations[ANNOTATION_LOCATION] = location;
  annotations[ANNOTATION_ORIGIN_LOCATION] = location;
  if (page) annotations[ANNOTATION_VIEW_URL] = page;

  const labels: Record<string, string> = {};
  const label = (key: string, value: string | undefined) => {
    const safe = catalogSafeValue(value);
    if (safe) labels[key] = safe;
  };
  label(MAC_ENTITY_LABELS.model, computer.model);
  label(MAC_ENTITY_LABELS.osVersion, computer.osVersion);
  label(MAC_ENTITY_LABELS.site, computer.site?.name);

  const links: EntityLink[] = page
    ? [{ url: page, title: 'Computer in Mac enrollment', icon: 'dashboard' }]
    : [];

  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      title: computer.name || name,
      ...(computer.user.realName
        ? { description: `${computer.user.realName}'s Mac` }
        : {}),
      annotations,
      labels,
      links,
    },
    spec: {
      type: MAC_RESOURCE_TYPE,
      owner: options.owner,
    },
  };
}
