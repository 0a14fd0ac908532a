import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import { DatabaseProfileSigningStore } from './DatabaseProfileSigningStore';
import { applyMigrations } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(testDatabaseIds(databases))(
  'DatabaseProfileSigningStore on %s',
  id => {
    it('keeps one identity, replaced by the next upload, until it is deleted', async () => {
      const knex = await databases.init(id);
      await applyMigrations(mockServices.database({ knex }));
      const store = new DatabaseProfileSigningStore(knex);
      expect(await store.get()).toBeUndefined();

      const first = new Date('2026-12-07T10:00:00.000Z');
      await store.put('chain-a', 'sealed-a', first);
      expect(await store.get()).toEqual({
        certificatePem: 'chain-a',
        privateKeySealed: 'sealed-a',
        updatedAt: first,
      });
      const second = new Date('2026-12-07T11:00:00.000Z');
      await new DatabaseProfileSigningStore(knex).put(
        'chain-b',
        'sealed-b',
        second,
      );
      expect(await store.get()).toEqual({
        certificatePem: 'chain-b',
        privateKeySealed: 'sealed-b',
        updatedAt: second,
      });
      const [{ n }] = await knex('enrollment_profile_signing').count({
        n: '*',
      });
      expect(Number(n)).toBe(1);

      expect(await store.delete()).toBe(true);
      expect(await store.get()).toBeUndefined();
      expect(await store.delete()).toBe(false);
    });
  },
);
