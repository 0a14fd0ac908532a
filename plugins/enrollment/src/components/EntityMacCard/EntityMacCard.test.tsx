import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { EnrollmentApi, enrollmentApiRef } from '../../api';
import {
  computer,
  mockEnrollmentApi,
  responseError,
} from '../../__testUtils__/enrollment';
import { rootRouteRef } from '../../routes';
import { EntityMacCard } from './EntityMacCard';

const janesMac: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'C02XYZ123',
    namespace: 'default',
    annotations: { 'macenroll.io/computer-id': 'c-1' },
  },
  spec: { type: 'mac', owner: 'user:default/jane.doe' },
};

function renderCard(api: EnrollmentApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[enrollmentApiRef, api]]}>
      <Routes>
        <Route
          path="/"
          element={
            <EntityProvider entity={janesMac}>
              <EntityMacCard />
            </EntityProvider>
          }
        />
        <Route
          path="/enrollment/computers/:id"
          element={<h1>Admin computer page</h1>}
        />
      </Routes>
    </TestApiProvider>,
    { mountedRoutes: { '/enrollment': rootRouteRef } },
  );
}

/** The value a metadata row shows beside its label. */
function valueOf(label: string): HTMLElement {
  const row = screen.getByText(label).closest('tr')!;
  return row.querySelector('td:last-child') as HTMLElement;
}

describe('EntityMacCard', () => {
  it("shows the Mac's enrollment record and opens its admin page", async () => {
    const api = mockEnrollmentApi({
      getEntityComputers: jest.fn().mockResolvedValue({
        items: [
          computer({
            lastSeenAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
          }),
        ],
      }),
    });
    await renderCard(api);

    expect(await screen.findByText('Enrolled Mac')).toBeInTheDocument();
    expect(api.getEntityComputers).toHaveBeenCalledWith(
      // Refs are case-insensitive; the catalog writes them in lower case.
      'resource:default/c02xyz123',
    );
    await screen.findByText('C02XYZ123');
    expect(valueOf('Serial number')).toHaveTextContent('C02XYZ123');
    expect(valueOf('UDID')).toHaveTextContent('UDID-1');
    expect(valueOf('Model')).toHaveTextContent('MacBook Pro (14-inch, 2023)');
    expect(valueOf('macOS')).toHaveTextContent('15.1');
    expect(valueOf('Enrollment status')).toHaveTextContent('Enrolled');
    expect(valueOf('User')).toHaveTextContent('Jane Doe');
    expect(valueOf('Site')).toHaveTextContent('Paris');
    expect(valueOf('Last check-in')).toHaveTextContent('3 hours ago');
    expect(valueOf('Enrolled at')).toHaveTextContent('2030');

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('link', { name: 'Open in Enrollment' }));
    expect(
      await screen.findByRole('heading', { name: 'Admin computer page' }),
    ).toBeInTheDocument();
  });

  it('says so when the viewer may not see the Mac', async () => {
    const api = mockEnrollmentApi({
      getEntityComputers: jest
        .fn()
        .mockRejectedValue(
          await responseError(403, 'Forbidden', 'no', 'NotAllowedError'),
        ),
    });
    await renderCard(api);
    expect(
      await screen.findByText("You can't see this Mac's enrollment"),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Open in Enrollment' }),
    ).toBeNull();
  });

  it('says so when the enrollment service no longer has the computer', async () => {
    await renderCard(mockEnrollmentApi());
    expect(
      await screen.findByText(/has no computer for this Mac any more/),
    ).toBeInTheDocument();
  });
});
