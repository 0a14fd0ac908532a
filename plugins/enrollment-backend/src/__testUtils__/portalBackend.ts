import { ServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { RunningSlapd } from '@internal/test-harness';
import { Knex } from 'knex';
import { enrollmentPlugin } from '../plugin';

/** The local portal account the portal tests log in with. */
export const LOCAL_ACCOUNT = { username: 'enroll', password: 'local-secret-1' };

/**
 * The plugin on `knex`, with LDAP login against `slapd` (groups included),
 * the local account, and the given audit stream; returns its HTTP server.
 */
export async function startPortalBackend(options: {
  slapd: RunningSlapd;
  knex: Knex;
  auditor: ServiceFactory;
}): Promise<any> {
  const { slapd } = options;
  const backend = await startTestBackend({
    features: [
      enrollmentPlugin,
      options.auditor,
      mockServices.database.factory({ knex: options.knex }),
      mockServices.permissions.factory(),
      mockServices.rootConfig.factory({
        data: {
          enrollment: {
            organization: 'Acme',
            portal: { localAccounts: [LOCAL_ACCOUNT] },
            ldap: {
              url: slapd.url,
              bindDn: slapd.bindDn,
              bindPassword: slapd.bindPassword,
              users: { baseDn: slapd.baseDn, filter: '(uid={username})' },
              groups: { baseDn: `ou=groups,${slapd.baseDn}` },
            },
          },
        },
      }),
    ],
  });
  return backend.server;
}
