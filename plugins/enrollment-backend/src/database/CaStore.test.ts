import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import { loadCertificateAuthority } from '../pki/loadCertificateAuthority';
import { DatabaseCaStore } from './DatabaseCaStore';
import { applyMigrations } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(testDatabaseIds(databases))('DatabaseCaStore on %s', id => {
  it('keeps the first CA when two replicas generate one at the same time', async () => {
    const knex = await databases.init(id);
    await applyMigrations(mockServices.database({ knex }));
    const replicaA = new DatabaseCaStore(knex);
    const replicaB = new DatabaseCaStore(knex);
    expect(await replicaA.get()).toBeUndefined();

    const [a, b] = await Promise.all([
      replicaA.keepFirst({ certificatePem: 'cert-a', privateKeyPem: 'key-a' }),
      replicaB.keepFirst({ certificatePem: 'cert-b', privateKeyPem: 'key-b' }),
    ]);
    expect(a).toEqual(b);
    expect(['cert-a', 'cert-b']).toContain(a.certificatePem);
    const [{ n }] = await knex('enrollment_ca').count({ n: '*' });
    expect(Number(n)).toBe(1);
  });

  it('generates a CA once and loads the same one on the next start', async () => {
    const knex = await databases.init(id);
    const database = mockServices.database({ knex });
    await applyMigrations(database);
    const logger = mockServices.logger.mock();
    const store = new DatabaseCaStore(knex);
    const first = await loadCertificateAuthority({
      store,
      organization: 'Acme',
      logger,
    });
    const second = await loadCertificateAuthority({
      store: new DatabaseCaStore(knex),
      organization: 'Acme',
      logger,
    });
    expect(second.summary()).toEqual(first.summary());
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(logger.info.mock.calls)).not.toMatch(/PRIVATE KEY/);
  });

  it('migrates down cleanly', async () => {
    const knex = await databases.init(id);
    await applyMigrations(mockServices.database({ knex }));
    expect(await knex.schema.hasTable('enrollment_ca')).toBe(true);
    await knex.migrate.rollback(
      {
        directory: resolvePackagePath(
          '@macenroll/plugin-enrollment-backend',
          'migrations',
        ),
      },
      true,
    );
    expect(await knex.schema.hasTable('enrollment_ca')).toBe(false);
  });
});
