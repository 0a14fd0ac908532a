import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { enrollmentApiRef } from '../../api';
import { mockEnrollmentApi } from '../../__testUtils__/enrollment';
import { CaCard } from './CaCard';

describe('CaCard', () => {
  it('shows the CA it got from the API', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[enrollmentApiRef, mockEnrollmentApi()]]}>
        <CaCard />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('O=Acme, CN=Acme Enrollment CA'),
    ).toBeInTheDocument();
    expect(screen.getByText('AB:CD')).toBeInTheDocument();
  });

  it('shows an error panel when the API fails', async () => {
    const api = mockEnrollmentApi({
      getCaSummary: jest.fn().mockRejectedValue(new Error('backend is down')),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[enrollmentApiRef, api]]}>
        <CaCard />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('Can’t reach the enrollment service'),
    ).toBeInTheDocument();
    expect(screen.getByText('Error: backend is down')).toBeInTheDocument();
  });
});
