import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ComputerUser } from '@macenroll/plugin-enrollment-common';
import { readDurationSetting } from '../lib/durationSetting';
import { fillFilter, filterSyntaxError } from './filter';

/** The LDAP attribute that holds each field of a computer's user. */
export type LdapMapping = Record<keyof ComputerUser, string>;

/** Directory login settings, read from `enrollment.ldap`. */
export interface LdapSettings {
  /** `ldap://` or `ldaps://` URL of the directory. */
  url: string;
  /** Upgrade the ldap:// connection with StartTLS before binding. */
  starttls: boolean;
  /** The DN to bind as for searches; absent means anonymous searches. */
  bindDn?: string;
  /**
   * The password of bindDn. Not enumerable, so that logging or serializing
   * the settings never shows it (and spreading them drops it).
   */
  readonly bindPassword?: string;
  /**
   * Connection and per-operation timeout, and the most one connection's
   * whole use (connect, bind, searches) may take: see withClient.
   */
  timeoutMs: number;
  /** A private CA to trust for ldaps:// and StartTLS, PEM. */
  tlsCaPem?: string;
  users: {
    baseDn: string;
    /** Contains `{username}`, replaced by the escaped username. */
    filter: string;
  };
  mapping: LdapMapping;
  /** Where the groups of a user are read; absent means no groups. */
  groups?: {
    baseDn: string;
    /** Contains `{dn}`, replaced by the user's DN escaped as a filter value. */
    filter: string;
    /** The attribute of a group entry that holds its name. */
    nameAttribute: string;
  };
}

export const DEFAULT_USER_FILTER = '(uid={username})';
export const DEFAULT_GROUP_FILTER =
  '(&(objectClass=groupOfNames)(member={dn}))';
export const DEFAULT_TIMEOUT_MS = 5000;

export const DEFAULT_MAPPING: Readonly<LdapMapping> = {
  username: 'uid',
  realName: 'cn',
  email: 'mail',
  department: 'departmentNumber',
  building: 'buildingName',
  room: 'roomNumber',
  phone: 'telephoneNumber',
  position: 'title',
};

// RFC 4512 keystring, the only attribute form ldapts' filter parser takes.
// Mapped names are put into filters as they are, so nothing else may pass.
const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;

/**
 * Reads `enrollment.ldap`, or returns undefined when it is absent (LDAP
 * login off). Refuses settings that could only fail or mislead later.
 */
export function readLdapSettings(config: Config): LdapSettings | undefined {
  const ldap = config.getOptionalConfig('enrollment.ldap');
  if (!ldap) {
    return undefined;
  }

  const { url, starttls } = readConnection(ldap);
  const { bindDn, bindPassword } = readBind(ldap);
  const timeout = readDurationSetting(
    ldap,
    'enrollment.ldap',
    'timeoutMs',
    'milliseconds',
    DEFAULT_TIMEOUT_MS,
  );
  if (!(timeout.value > 0 && Number.isFinite(timeout.value))) {
    throw new InputError(
      `${timeout.name} must be a positive number of milliseconds`,
    );
  }

  const userFilter =
    ldap.getOptionalString('users.filter') ?? DEFAULT_USER_FILTER;
  checkFilter('users.filter', userFilter, 'username');
  const mapping = readMapping(ldap);

  const settings: LdapSettings = {
    url,
    starttls,
    timeoutMs: timeout.value,
    users: { baseDn: ldap.getString('users.baseDn'), filter: userFilter },
    mapping,
  };
  if (bindDn) {
    settings.bindDn = bindDn;
    Object.defineProperty(settings, 'bindPassword', {
      value: bindPassword,
      enumerable: false,
    });
  }
  const tlsCaPem = ldap.getOptionalString('tls.ca');
  if (tlsCaPem) {
    settings.tlsCaPem = tlsCaPem;
  }

  const groups = ldap.getOptionalConfig('groups');
  if (groups) {
    settings.groups = readGroups(groups);
  }
  return settings;
}

function readConnection(ldap: Config): { url: string; starttls: boolean } {
  const url = ldap.getString('url');
  const scheme = /^(ldaps?):\/\/[^/]/i.exec(url)?.[1]?.toLowerCase();
  if (!scheme) {
    throw new InputError(
      `enrollment.ldap.url must be an ldap:// or ldaps:// URL of the directory, e.g. ldaps://ldap.example.com; got "${url}"`,
    );
  }
  const starttls = ldap.getOptionalBoolean('starttls') ?? false;
  if (starttls && scheme === 'ldaps') {
    throw new InputError(
      'enrollment.ldap.starttls applies to ldap:// URLs only; an ldaps:// connection is already encrypted',
    );
  }
  return { url, starttls };
}

function readBind(ldap: Config): { bindDn?: string; bindPassword?: string } {
  const bindDn = ldap.getOptionalString('bindDn');
  const bindPassword = ldap.getOptionalString('bindPassword');
  // An empty password would make the bind an unauthenticated one
  // (RFC 4513, section 5.1.2), which servers accept as anonymous.
  if (bindDn && !bindPassword) {
    throw new InputError(
      'enrollment.ldap.bindPassword is required when enrollment.ldap.bindDn is set',
    );
  }
  if (bindPassword && !bindDn) {
    throw new InputError(
      'enrollment.ldap.bindPassword is set but enrollment.ldap.bindDn is not',
    );
  }
  return { bindDn, bindPassword };
}

function readMapping(ldap: Config): LdapMapping {
  const mapping = { ...DEFAULT_MAPPING };
  for (const key of Object.keys(mapping) as Array<keyof LdapMapping>) {
    const attribute = ldap.getOptionalString(`mapping.${key}`);
    if (attribute !== undefined) {
      mapping[key] = checkAttribute(`mapping.${key}`, attribute);
    }
  }
  return mapping;
}

function readGroups(groups: Config): NonNullable<LdapSettings['groups']> {
  const filter = groups.getOptionalString('filter') ?? DEFAULT_GROUP_FILTER;
  checkFilter('groups.filter', filter, 'dn');
  return {
    baseDn: groups.getString('baseDn'),
    filter,
    nameAttribute: checkAttribute(
      'groups.nameAttribute',
      groups.getOptionalString('nameAttribute') ?? 'cn',
    ),
  };
}

function checkFilter(key: string, filter: string, placeholder: string): void {
  if (!filter.includes(`{${placeholder}}`)) {
    throw new InputError(
      `enrollment.ldap.${key} must contain {${placeholder}}, e.g. "${
        placeholder === 'dn' ? DEFAULT_GROUP_FILTER : DEFAULT_USER_FILTER
      }"; got "${filter}"`,
    );
  }
  const error = filterSyntaxError(fillFilter(filter, placeholder, 'x'));
  if (error) {
    throw new InputError(
      `enrollment.ldap.${key} is not a valid LDAP filter (${error}); got "${filter}"`,
    );
  }
}

function checkAttribute(key: string, attribute: string): string {
  if (!ATTRIBUTE_NAME.test(attribute)) {
    throw new InputError(
      `enrollment.ldap.${key} must be an attribute name such as "mail"; got "${attribute}"`,
    );
  }
  return attribute;
}
