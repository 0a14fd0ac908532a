import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { enrollmentApiRef } from '../../api';
import {
  mockEnrollmentApi,
  pushCertificate,
  responseError,
} from '../../__testUtils__/enrollment';
import { formatDateTime } from '../../utils/format';
import { PushCertificateCard } from './PushCertificateCard';

async function renderCard(
  overrides: Parameters<typeof mockEnrollmentApi>[0] = {},
  disabled = false,
) {
  const api = mockEnrollmentApi(overrides);
  await renderInTestApp(
    <TestApiProvider apis={[[enrollmentApiRef, api]]}>
      <PushCertificateCard disabled={disabled} />
    </TestApiProvider>,
  );
  return api;
}

const P12_BYTES = new Uint8Array([0x30, 0x82, 0x0a, 0x1f, 0x02, 0x01, 0x03]);

describe('PushCertificateCard', () => {
  it('shows the certificate and nothing to worry about while it is valid', async () => {
    await renderCard();
    expect(
      await screen.findByText(
        'com.apple.mgmt.External.5d9c5e4a-0c7e-4b53-9d3e-2f9a1b7c6d10',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'UID=com.apple.mgmt.External.5d9c5e4a, CN=APSP:5d9c5e4a',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('7F3A')).toBeInTheDocument();
    expect(
      screen.getByText(formatDateTime('2031-03-01T12:00:00.000Z')),
    ).toBeInTheDocument();
    expect(screen.getByText('Uploaded here')).toBeInTheDocument();
    expect(screen.queryByText(/Macs cannot be reached/)).toBeNull();
    expect(
      screen.getByRole('button', { name: 'Remove certificate' }),
    ).toBeInTheDocument();
  });

  it('warns when the certificate expires soon', async () => {
    await renderCard({
      getPushCertificate: jest
        .fn()
        .mockResolvedValue(pushCertificate({ expiresSoon: true })),
    });
    expect(
      await screen.findByText(
        /The push certificate expires on .*Renew it with the same Apple ID/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/upload the renewed one here/)).toBeInTheDocument();
  });

  it('says Macs cannot be reached when the certificate expired', async () => {
    await renderCard({
      getPushCertificate: jest
        .fn()
        .mockResolvedValue(
          pushCertificate({ expired: true, expiresSoon: true }),
        ),
    });
    expect(
      await screen.findByText(/The push certificate expired on/),
    ).toHaveTextContent('Macs cannot be reached');
    expect(screen.queryByText(/The push certificate expires on/)).toBeNull();
  });

  it('says Macs cannot be reached without a certificate, and offers the upload', async () => {
    await renderCard({
      getPushCertificate: jest.fn().mockResolvedValue({ configured: false }),
    });
    expect(
      await screen.findByText(/No push certificate is configured/),
    ).toHaveTextContent('Without it, Macs cannot be reached');
    expect(screen.getByLabelText('Choose .p12 file')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Remove certificate' }),
    ).toBeNull();
  });

  it('uploads the chosen .p12 as base64 with its password', async () => {
    const user = userEvent.setup({ delay: null });
    const renewed = pushCertificate({
      serialNumber: '8A01',
      notAfter: '2032-03-01T12:00:00.000Z',
    });
    const api = await renderCard({
      uploadPushCertificate: jest.fn().mockResolvedValue(renewed),
    });
    await screen.findByText('7F3A');
    const upload = screen.getByRole('button', { name: 'Upload certificate' });
    expect(upload).toBeDisabled();

    await user.upload(
      screen.getByLabelText('Choose .p12 file'),
      new File([P12_BYTES], 'MDM_ Acme_Certificate.p12', {
        type: 'application/x-pkcs12',
      }),
    );
    expect(screen.getByText('MDM_ Acme_Certificate.p12')).toBeInTheDocument();
    await user.click(screen.getByLabelText('Password'));
    await user.paste('apple pie');
    // The file is read asynchronously; the button is enabled once it is.
    await waitFor(() => expect(upload).toBeEnabled());
    await user.click(upload);

    await waitFor(() =>
      expect(api.uploadPushCertificate).toHaveBeenCalledWith({
        p12Base64: Buffer.from(P12_BYTES).toString('base64'),
        password: 'apple pie',
      }),
    );
    expect(
      await screen.findByText(/The push certificate was uploaded/),
    ).toBeInTheDocument();
    expect(screen.getByText('8A01')).toBeInTheDocument();
  });

  it('uploads a .pem certificate with its private key as text', async () => {
    const user = userEvent.setup({ delay: null });
    const api = await renderCard({
      uploadPushCertificate: jest.fn().mockResolvedValue(pushCertificate()),
    });
    await screen.findByText('7F3A');
    await user.click(
      screen.getByRole('radio', { name: '.pem certificate and private key' }),
    );
    await user.upload(
      screen.getByLabelText('Choose certificate (.pem)'),
      new File(['-----BEGIN CERTIFICATE-----\nMIIC\n'], 'push.pem'),
    );
    const upload = screen.getByRole('button', { name: 'Upload certificate' });
    expect(upload).toBeDisabled();
    await user.upload(
      screen.getByLabelText('Choose private key (.pem)'),
      new File(['-----BEGIN PRIVATE KEY-----\nMIIE\n'], 'push.key'),
    );
    // Both files are read asynchronously; the button is enabled once they are.
    await waitFor(() => expect(upload).toBeEnabled());
    await user.click(upload);
    await waitFor(() =>
      expect(api.uploadPushCertificate).toHaveBeenCalledWith({
        certificatePem: '-----BEGIN CERTIFICATE-----\nMIIC\n',
        privateKeyPem: '-----BEGIN PRIVATE KEY-----\nMIIE\n',
      }),
    );
  });

  it("shows the backend's reason when it cannot read the file", async () => {
    const user = userEvent.setup({ delay: null });
    await renderCard({
      uploadPushCertificate: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            400,
            'Bad Request',
            'The .p12 could not be opened: check its password',
          ),
        ),
    });
    await screen.findByText('7F3A');
    await user.upload(
      screen.getByLabelText('Choose .p12 file'),
      new File([P12_BYTES], 'push.p12'),
    );
    await user.click(
      screen.getByRole('button', { name: 'Upload certificate' }),
    );
    expect(
      await screen.findByText(
        'The certificate was not uploaded: The .p12 could not be opened: check its password',
      ),
    ).toBeInTheDocument();
  });

  it('removes the uploaded certificate once confirmed and shows what is left', async () => {
    const user = userEvent.setup({ delay: null });
    const api = await renderCard({
      getPushCertificate: jest
        .fn()
        .mockResolvedValueOnce(pushCertificate())
        .mockResolvedValue({ configured: false }),
    });
    await user.click(
      await screen.findByRole('button', { name: 'Remove certificate' }),
    );
    await user.click(
      await screen.findByRole('button', { name: 'Remove certificate' }),
    );
    expect(api.deleteUploadedPushCertificate).toHaveBeenCalledTimes(1);
    expect(
      await screen.findByText(/No push certificate is configured/),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(api.getPushCertificate).toHaveBeenCalledTimes(2),
    );
  });

  it('shows a certificate from app-config as managed there, without upload or remove', async () => {
    await renderCard({
      getPushCertificate: jest
        .fn()
        .mockResolvedValue(
          pushCertificate({ source: 'config', expiresSoon: true }),
        ),
    });
    expect(
      await screen.findByText(/managed in app-config \(enrollment.apns\)/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/put the renewed one in app-config/),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Choose .p12 file')).toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Remove certificate' }),
    ).toBeNull();
  });

  it('offers no upload without the update permission', async () => {
    await renderCard({}, true);
    expect(
      await screen.findByText(
        /needs the enrollment.settings.update permission/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Choose .p12 file')).toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Remove certificate' }),
    ).toBeNull();
  });
});
