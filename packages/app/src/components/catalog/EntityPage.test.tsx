import { Entity } from '@backstage/catalog-model';
import { catalogPlugin } from '@backstage/plugin-catalog';
import {
  EntityProvider,
  entityRouteRef,
  starredEntitiesApiRef,
  MockStarredEntitiesApi,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { configApiRef } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  EnrollmentApi,
  enrollmentApiRef,
  enrollmentPlugin,
} from '@macenroll/plugin-enrollment';
import { screen } from '@testing-library/react';
import { entityPage } from './EntityPage';

// The about card wants SCM integrations and the whole app config; what is
// under test here is which cards a page gets.
jest.mock('@backstage/plugin-catalog', () => ({
  ...jest.requireActual('@backstage/plugin-catalog'),
  EntityAboutCard: () => <h2>About</h2>,
}));

const entity = (kind: string, name: string, spec: Entity['spec'] = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec,
});

async function renderPage(shown: Entity) {
  const enrollmentApi = {
    getEntityComputers: jest.fn().mockResolvedValue({ items: [] }),
  } as Partial<EnrollmentApi> as EnrollmentApi;
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [enrollmentApiRef, enrollmentApi],
        [catalogApiRef, catalogApiMock({ entities: [shown] })],
        [starredEntitiesApiRef, new MockStarredEntitiesApi()],
        [permissionApiRef, mockApis.permission()],
        [
          configApiRef,
          mockApis.config({
            data: { backend: { baseUrl: 'http://localhost:7007' } },
          }),
        ],
      ]}
    >
      <EntityProvider entity={shown}>{entityPage}</EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog': catalogPlugin.routes.catalogIndex,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/enrollment': enrollmentPlugin.routes.root,
      },
    },
  );
  return enrollmentApi;
}

describe('entity page', () => {
  it("shows a person's Macs on their page", async () => {
    const api = await renderPage(entity('User', 'jane.doe'));
    // InfoCard titles are no headings; the card's empty state is its own.
    expect(await screen.findByText('No Macs enrolled')).toBeInTheDocument();
    expect(api.getEntityComputers).toHaveBeenCalledWith(
      'user:default/jane.doe',
    );
  });

  it("shows a Mac's enrollment on its own page", async () => {
    await renderPage(entity('Resource', 'c02xyz', { type: 'mac' }));
    expect(await screen.findByText('Enrolled Mac')).toBeInTheDocument();
    expect(screen.queryByText('No Macs enrolled')).toBeNull();
  });

  it('shows only the about card elsewhere', async () => {
    const api = await renderPage(
      entity('Resource', 'build-db', { type: 'database' }),
    );
    expect(
      await screen.findByRole('heading', { name: 'About' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Enrolled Mac')).toBeNull();
    expect(screen.queryByText('Macs')).toBeNull();
    expect(api.getEntityComputers).not.toHaveBeenCalled();
  });
});
