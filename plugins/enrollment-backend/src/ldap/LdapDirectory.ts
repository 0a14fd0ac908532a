import { Config } from '@backstage/config';
import { ComputerUser } from '@macenroll/plugin-enrollment-common';
import {
  Client,
  Entry,
  InappropriateAuthError,
  InvalidCredentialsError,
  UnwillingToPerformError,
} from 'ldapts';
import { directoryError, withClient } from './connection';
import { firstString, userFields } from './entry';
import { escapeFilterValue } from './escape';
import { fillFilter, forLdapts } from './filter';
import { LdapSettings, readLdapSettings } from './LdapSettings';

/** A person found in the directory. */
export interface DirectoryUser {
  /** The entry's DN, as the directory spells it. */
  dn: string;
  fields: ComputerUser;
  /** Group names, sorted; empty when groups are not configured. */
  groups: string[];
}

/** The one entry a login names, found but not yet proven by a password. */
export interface LoginCandidate {
  /** The entry's DN, as the directory spells it. */
  dn: string;
  fields: ComputerUser;
  /**
   * Its groups, read before the password is checked: reading them only
   * after a successful bind made a right password answer measurably later.
   */
  groups: string[];
}

/** The most entries findUsers asks the directory for. */
export const MAX_FIND_LIMIT = 100;

// What a directory answers to a bind with the wrong password, and to one
// it refuses for the account (disabled, locked, password expired).
const LOGIN_REFUSED = [
  InvalidCredentialsError,
  InappropriateAuthError,
  UnwillingToPerformError,
];

/**
 * Users and their groups in an LDAP directory: login by search-then-bind,
 * and look-ups for who a computer belongs to.
 */
export class LdapDirectory {
  /** The directory of `enrollment.ldap`, or undefined when LDAP is off. */
  static fromConfig(config: Config): LdapDirectory | undefined {
    const settings = readLdapSettings(config);
    return settings && new LdapDirectory(settings);
  }

  constructor(private readonly settings: LdapSettings) {}

  /**
   * Checks a username and password: finds the one entry the user filter
   * matches, then binds as it in a fresh connection. Undefined when the
   * user is unknown or ambiguous or the password is wrong; throws
   * ServiceUnavailableError when the directory cannot answer.
   */
  async authenticate(
    username: string,
    password: string,
  ): Promise<DirectoryUser | undefined> {
    // A simple bind with an empty password is an "unauthenticated bind"
    // (RFC 4513, section 5.1.2) that servers accept as anonymous.
    if (!username || !password) {
      return undefined;
    }
    const candidate = await this.findLoginCandidate(username);
    return candidate && this.checkPassword(candidate, password);
  }

  /**
   * The first half of authenticate: the one entry the user filter matches
   * for username, without checking any password. Login throttling counts
   * tries against the entry between the two halves, so that every spelling
   * the directory matches to one person shares one budget.
   */
  async findLoginCandidate(
    username: string,
  ): Promise<LoginCandidate | undefined> {
    if (!username) {
      return undefined;
    }
    return this.asReader(async reader => {
      const entry = await this.findOne(reader, username);
      if (!entry) return undefined;
      return {
        dn: entry.dn,
        fields: userFields(entry, this.settings.mapping),
        groups: this.settings.groups
          ? await this.groupsOf(reader, entry.dn)
          : [],
      };
    });
  }

  /**
   * The second half of authenticate: binds as the candidate with the
   * password in a fresh connection, and nothing else, so a right and a
   * wrong password cost the directory the same.
   */
  async checkPassword(
    candidate: LoginCandidate,
    password: string,
  ): Promise<DirectoryUser | undefined> {
    if (!password || !(await this.passwordMatches(candidate.dn, password))) {
      return undefined;
    }
    return { ...candidate };
  }

  /**
   * People whose username, real name or email contains the query, for
   * choosing whom a computer is for. The query is matched literally
   * (`*` is no wildcard); below 2 characters nothing is searched.
   */
  async findUsers(query: string, limit = 10): Promise<DirectoryUser[]> {
    const text = query.trim();
    const sizeLimit = Math.min(Math.floor(limit), MAX_FIND_LIMIT);
    if ([...text].length < 2 || !(sizeLimit >= 1)) {
      return [];
    }
    const { users, mapping } = this.settings;
    const contains = escapeFilterValue(text);
    const anyField = [mapping.username, mapping.realName, mapping.email]
      .map(attribute => `(${attribute}=*${contains}*)`)
      .join('');
    const filter = `(&${fillFilter(
      users.filter,
      'username',
      '*',
    )}(|${anyField}))`;
    return this.asReader(async reader => {
      const entries = await this.searchUsers(reader, filter, sizeLimit);
      return entries.slice(0, sizeLimit).map(entry => ({
        dn: entry.dn,
        fields: userFields(entry, mapping),
        groups: [],
      }));
    });
  }

  /** The one person the user filter matches for the username, with groups. */
  async getUser(username: string): Promise<DirectoryUser | undefined> {
    if (!username) {
      return undefined;
    }
    return this.asReader(async reader => {
      const entry = await this.findOne(reader, username);
      return entry && this.toUser(reader, entry);
    });
  }

  /** Runs `use` in a connection bound as bindDn (anonymous without one). */
  private asReader<T>(use: (reader: Client) => Promise<T>): Promise<T> {
    const { bindDn, bindPassword } = this.settings;
    return withClient(this.settings, async reader => {
      if (bindDn && bindPassword) {
        try {
          await reader.bind(bindDn, bindPassword);
        } catch (error) {
          throw directoryError(
            this.settings,
            error,
            `refused the bind as enrollment.ldap.bindDn "${bindDn}"; check bindDn and bindPassword`,
          );
        }
      }
      return use(reader);
    }).catch(error => {
      // Errors of StartTLS, of the connection and of closing it end here.
      throw directoryError(this.settings, error, 'refused StartTLS');
    });
  }

  /** The entry the user filter matches for username; none when 0 or several do. */
  private async findOne(
    reader: Client,
    username: string,
  ): Promise<Entry | undefined> {
    const filter = fillFilter(
      this.settings.users.filter,
      'username',
      escapeFilterValue(username),
    );
    // Two are enough to know the username is ambiguous.
    const entries = await this.searchUsers(reader, filter, 2);
    return entries.length === 1 && entries[0].dn ? entries[0] : undefined;
  }

  private async searchUsers(
    reader: Client,
    filter: string,
    sizeLimit: number,
  ): Promise<Entry[]> {
    const { users, mapping } = this.settings;
    try {
      // Given a sizeLimit, ldapts returns the entries got so far when the
      // result is sizeLimitExceeded, instead of throwing.
      const { searchEntries } = await reader.search(users.baseDn, {
        scope: 'sub',
        filter: forLdapts(filter),
        sizeLimit,
        attributes: [...new Set(Object.values(mapping))],
      });
      return searchEntries;
    } catch (error) {
      throw directoryError(
        this.settings,
        error,
        `refused the user search under enrollment.ldap.users.baseDn "${users.baseDn}"`,
      );
    }
  }

  /** Binds as dn in a new connection, so that the reader's bind is untouched. */
  private async passwordMatches(
    dn: string,
    password: string,
  ): Promise<boolean> {
    try {
      await withClient(this.settings, client => client.bind(dn, password));
      return true;
    } catch (error) {
      if (LOGIN_REFUSED.some(refusal => error instanceof refusal)) {
        return false;
      }
      throw directoryError(this.settings, error, 'refused the user bind');
    }
  }

  private async toUser(reader: Client, entry: Entry): Promise<DirectoryUser> {
    return {
      dn: entry.dn,
      fields: userFields(entry, this.settings.mapping),
      groups: await this.groupsOf(reader, entry.dn),
    };
  }

  private async groupsOf(reader: Client, dn: string): Promise<string[]> {
    const groups = this.settings.groups;
    if (!groups) {
      return [];
    }
    try {
      const { searchEntries } = await reader.search(groups.baseDn, {
        scope: 'sub',
        filter: forLdapts(
          fillFilter(groups.filter, 'dn', escapeFilterValue(dn)),
        ),
        attributes: [groups.nameAttribute],
      });
      const names = searchEntries
        .map(group => firstString(group, groups.nameAttribute))
        .filter((name): name is string => name !== undefined);
      return [...new Set(names)].sort();
    } catch (error) {
      throw directoryError(
        this.settings,
        error,
        `refused the group search under enrollment.ldap.groups.baseDn "${groups.baseDn}"`,
      );
    }
  }
}
