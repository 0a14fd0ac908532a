import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases, testDatabaseIds } from '@internal/test-harness';
import { seedMac } from '../__testUtils__/seedMac';
import { createEnrollmentStores } from './createEnrollmentStores';

jest.setTimeout(60_000);

describe('ComputerStore.listForUser', () => {
  const databases = createTestDatabases();

  it.each(testDatabaseIds(databases))(
    "finds a person's enrolling and enrolled Macs by username or e-mail, ignoring case, on %p",
    async id => {
      const knex = await databases.init(id);
      const stores = await createEnrollmentStores(
        mockServices.database({ knex }),
      );
      const paris = (await stores.sites.create('Paris')).id;
      const seed = (
        serialNumber: string,
        user: { username?: string; email?: string },
        status: 'enrolling' | 'enrolled' | 'unenrolled' = 'enrolled',
        siteId?: string,
      ) => seedMac(stores, { serialNumber, user, status, siteId });
      await seed('BY-NAME', { username: 'Jane.Doe' }, 'enrolled', paris);
      await seed('BY-MAIL', { email: ' JANE@example.com' }, 'enrolling');
      await seed('GONE', { username: 'jane.doe' }, 'unenrolled');
      await seed('PREFIX', {
        username: 'jane.doe2',
        email: 'xjane@example.com',
      });
      // LIKE wildcards in a username must match only themselves.
      await seed('WILD', { username: 'jane_doe' });

      const serials = async (
        user: { username?: string; email?: string },
        filter?: Parameters<typeof stores.computers.listForUser>[1],
      ) =>
        (await stores.computers.listForUser(user, filter))
          .map(c => c.serialNumber)
          .sort();

      expect(
        await serials({ username: 'jane.doe', email: 'jane@Example.com' }),
      ).toEqual(['BY-MAIL', 'BY-NAME']);
      expect(await serials({ username: 'JANE.DOE' })).toEqual(['BY-NAME']);
      expect(await serials({ email: 'jane@example.com' })).toEqual(['BY-MAIL']);
      expect(await serials({})).toEqual([]);
      expect(await serials({ username: '', email: ' ' })).toEqual([]);
      expect(
        await serials(
          { username: 'jane.doe', email: 'jane@example.com' },
          { siteIds: [paris] },
        ),
      ).toEqual(['BY-NAME']);
    },
  );
});
