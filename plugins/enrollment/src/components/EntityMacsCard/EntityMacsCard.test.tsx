import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { EnrollmentApi, enrollmentApiRef } from '../../api';
import {
  computer,
  mockEnrollmentApi,
  responseError,
} from '../../__testUtils__/enrollment';
import { rootRouteRef } from '../../routes';
import { EntityMacsCard } from './EntityMacsCard';

const jane: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'jane.doe', namespace: 'default' },
  spec: { profile: { email: 'jane@example.com' }, memberOf: [] },
};

function renderCard(api: EnrollmentApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[enrollmentApiRef, api]]}>
      <EntityProvider entity={jane}>
        <EntityMacsCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/enrollment': rootRouteRef } },
  );
}

describe('EntityMacsCard', () => {
  it("lists the person's Macs with model, macOS, last check-in and status", async () => {
    const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000).toISOString();
    const api = mockEnrollmentApi({
      getEntityComputers: jest.fn().mockResolvedValue({
        items: [
          computer({ lastSeenAt: fiveMinutesAgo }),
          computer({
            id: 'c-2',
            name: undefined,
            serialNumber: 'C02NEW0001',
            model: 'Mac mini (2024)',
            osVersion: '15.2',
            status: 'enrolling',
            lastSeenAt: undefined,
          }),
        ],
      }),
    });
    await renderCard(api);

    expect(api.getEntityComputers).toHaveBeenCalledWith(
      'user:default/jane.doe',
    );
    expect(screen.getByText('Macs')).toBeInTheDocument();
    const janes = await screen.findByRole('row', {
      name: /Jane's MacBook Pro/,
    });
    expect(
      within(janes).getByText('MacBook Pro (14-inch, 2023)'),
    ).toBeVisible();
    expect(within(janes).getByText('macOS 15.1')).toBeVisible();
    expect(within(janes).getByText('5 minutes ago')).toBeVisible();
    expect(within(janes).getByText('Enrolled')).toBeVisible();

    // Unnamed: its serial number; never checked in.
    const fresh = screen.getByRole('row', { name: /C02NEW0001/ });
    expect(within(fresh).getByText('Mac mini (2024)')).toBeVisible();
    expect(within(fresh).getByText('Never')).toBeVisible();
    expect(within(fresh).getByText('Enrolling')).toBeVisible();
  });

  it('says so when the person has no Macs', async () => {
    await renderCard(mockEnrollmentApi());
    expect(await screen.findByText('No Macs enrolled')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it("says in one line that the viewer can't see someone else's Macs, without an error panel", async () => {
    const api = mockEnrollmentApi({
      getEntityComputers: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            403,
            'Forbidden',
            'it needs the "enrollment.computer.read" permission',
            'NotAllowedError',
          ),
        ),
    });
    await renderCard(api);
    expect(
      await screen.findByText("You can't see this person's Macs"),
    ).toBeInTheDocument();
    expect(screen.queryByText(/enrollment\.computer\.read/)).toBeNull();
    expect(screen.queryByText(/Error/)).toBeNull();
  });

  it('shows any other failure in an error panel', async () => {
    const api = mockEnrollmentApi({
      getEntityComputers: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            503,
            'Service Unavailable',
            'The software catalog could not be read',
            'ServiceUnavailableError',
          ),
        ),
    });
    await renderCard(api);
    expect(
      await screen.findByText(
        'Error: Request failed with 503 Service Unavailable',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/The software catalog could not be read/)[0],
    ).toBeInTheDocument();
    expect(screen.queryByText('No Macs enrolled')).toBeNull();
  });
});
