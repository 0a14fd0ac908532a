export {
  LdapDirectory,
  MAX_FIND_LIMIT,
  type DirectoryUser,
  type LoginCandidate,
} from './LdapDirectory';
export {
  readLdapSettings,
  DEFAULT_MAPPING,
  type LdapSettings,
  type LdapMapping,
} from './LdapSettings';
export { escapeDnValue, escapeFilterValue } from './escape';
