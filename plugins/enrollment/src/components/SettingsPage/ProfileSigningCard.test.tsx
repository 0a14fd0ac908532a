import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { enrollmentApiRef } from '../../api';
import {
  mockEnrollmentApi,
  profileSigning,
  responseError,
} from '../../__testUtils__/enrollment';
import { formatDateTime } from '../../utils/format';
import { ProfileSigningCard } from './ProfileSigningCard';

async function renderCard(
  overrides: Parameters<typeof mockEnrollmentApi>[0] = {},
  disabled = false,
) {
  const api = mockEnrollmentApi(overrides);
  await renderInTestApp(
    <TestApiProvider apis={[[enrollmentApiRef, api]]}>
      <ProfileSigningCard disabled={disabled} />
    </TestApiProvider>,
  );
  return api;
}

const P12_BYTES = new Uint8Array([0x30, 0x82, 0x0b, 0x2f, 0x02, 0x01, 0x03]);
const OUR_CA = profileSigning({
  source: 'ca',
  subject: 'O=Acme, CN=Acme Profile Signing',
  issuer: 'O=Acme, CN=Acme Enrollment CA',
  chain: ['O=Acme, CN=Acme Profile Signing', 'O=Acme, CN=Acme Enrollment CA'],
});

describe('ProfileSigningCard', () => {
  it('shows the uploaded signer, its issuer, expiry and the chain profiles carry', async () => {
    await renderCard();
    expect(await screen.findByText('Uploaded certificate')).toBeInTheDocument();
    expect(
      screen.getAllByText('O=Acme, CN=Acme Profile Signer').length,
    ).toBeGreaterThan(0);
    expect(
      screen.getAllByText('C=US, O=Trusted Roots Inc, CN=Trusted S/MIME CA')
        .length,
    ).toBeGreaterThan(0);
    expect(
      screen.getByText(formatDateTime('2031-05-01T12:00:00.000Z')),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Use our CA again' }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/expired on/)).toBeNull();
  });

  it('shows our CA as the default, with the upload and nothing to remove', async () => {
    await renderCard({
      getProfileSigning: jest.fn().mockResolvedValue(OUR_CA),
    });
    expect(await screen.findByText('Our CA (default)')).toBeInTheDocument();
    expect(
      screen.getByLabelText('Choose signing .p12 file'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Use our CA again' }),
    ).toBeNull();
  });

  it('uploads the chosen .p12 as base64 with its password and shows the new signer', async () => {
    const user = userEvent.setup({ delay: null });
    const api = await renderCard({
      getProfileSigning: jest.fn().mockResolvedValue(OUR_CA),
      uploadProfileSigning: jest.fn().mockResolvedValue(
        profileSigning({
          subject: 'O=Acme, CN=Renewed Signer',
          chain: ['O=Acme, CN=Renewed Signer'],
        }),
      ),
    });
    await screen.findByText('Our CA (default)');
    const upload = screen.getByRole('button', {
      name: 'Upload signing certificate',
    });
    expect(upload).toBeDisabled();
    await user.upload(
      screen.getByLabelText('Choose signing .p12 file'),
      new File([P12_BYTES], 'signer.p12', { type: 'application/x-pkcs12' }),
    );
    expect(screen.getByText('signer.p12')).toBeInTheDocument();
    await user.click(screen.getByLabelText('Signing .p12 password'));
    await user.paste('s3cret pass');
    await waitFor(() => expect(upload).toBeEnabled());
    await user.click(upload);

    await waitFor(() =>
      expect(api.uploadProfileSigning).toHaveBeenCalledWith({
        p12: Buffer.from(P12_BYTES).toString('base64'),
        password: 's3cret pass',
      }),
    );
    expect(
      await screen.findByText(
        'Profiles are now signed by O=Acme, CN=Renewed Signer.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Uploaded certificate')).toBeInTheDocument();
    // The password does not stay in the form.
    expect(screen.getByLabelText('Signing .p12 password')).toHaveValue('');
  });

  it("shows the backend's reason when it refuses the file", async () => {
    const user = userEvent.setup({ delay: null });
    await renderCard({
      uploadProfileSigning: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            400,
            'Bad Request',
            "The .p12: the certificate's keyUsage lacks digitalSignature, so it may not sign",
          ),
        ),
    });
    await screen.findByText('Uploaded certificate');
    await user.upload(
      screen.getByLabelText('Choose signing .p12 file'),
      new File([P12_BYTES], 'tls.p12'),
    );
    await user.click(
      screen.getByRole('button', { name: 'Upload signing certificate' }),
    );
    expect(
      await screen.findByText(
        "The signing certificate was not uploaded: The .p12: the certificate's keyUsage lacks digitalSignature, so it may not sign",
      ),
    ).toBeInTheDocument();
  });

  it('goes back to our CA once confirmed', async () => {
    const user = userEvent.setup({ delay: null });
    const api = await renderCard({
      getProfileSigning: jest
        .fn()
        .mockResolvedValueOnce(profileSigning())
        .mockResolvedValue(OUR_CA),
    });
    await user.click(
      await screen.findByRole('button', { name: 'Use our CA again' }),
    );
    expect(
      await screen.findByText('Sign profiles with our CA again?'),
    ).toBeInTheDocument();
    await user.click(
      await screen.findByRole('button', { name: 'Use our CA again' }),
    );
    expect(api.deleteProfileSigning).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Our CA (default)')).toBeInTheDocument();
  });

  it('warns when the signing certificate expired', async () => {
    await renderCard({
      getProfileSigning: jest
        .fn()
        .mockResolvedValue(profileSigning({ expired: true })),
    });
    expect(
      await screen.findByText(/The signing certificate expired on/),
    ).toHaveTextContent('not verified');
  });

  it('shows a certificate from app-config as managed there, without upload or removal', async () => {
    await renderCard({
      getProfileSigning: jest
        .fn()
        .mockResolvedValue(profileSigning({ source: 'config' })),
    });
    expect(
      await screen.findByText(/managed in app-config/),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Choose signing .p12 file')).toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Use our CA again' }),
    ).toBeNull();
  });

  it('offers no upload without the update permission', async () => {
    await renderCard({}, true);
    expect(
      await screen.findByText(
        /needs the enrollment.settings.update permission/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Choose signing .p12 file')).toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Use our CA again' }),
    ).toBeNull();
  });
});
