import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { EnrollmentApi, enrollmentApiRef } from '../../api';
import { EnrollmentPage } from './EnrollmentPage';

const summary = {
  subject: 'O=Acme, CN=Acme Enrollment CA',
  serialNumber: '01',
  notBefore: '2026-01-01T00:00:00.000Z',
  notAfter: '2036-01-01T00:00:00.000Z',
  sha256Fingerprint: 'AB:CD',
};

function renderWith(api: Partial<EnrollmentApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[enrollmentApiRef, api]]}>
      <EnrollmentPage />
    </TestApiProvider>,
  );
}

describe('EnrollmentPage', () => {
  it('shows the empty invitation list and the CA it got from the API', async () => {
    await renderWith({ getCaSummary: jest.fn().mockResolvedValue(summary) });
    expect(
      screen.getByRole('heading', { name: 'Enrollment Invitations' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No enrollment invitations yet'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('O=Acme, CN=Acme Enrollment CA'),
    ).toBeInTheDocument();
    expect(screen.getByText('AB:CD')).toBeInTheDocument();
  });

  it('shows an error panel when the API fails', async () => {
    await renderWith({
      getCaSummary: jest.fn().mockRejectedValue(new Error('backend is down')),
    });
    expect(
      await screen.findByText('Error: backend is down', { selector: 'h6' }),
    ).toBeInTheDocument();
  });
});
