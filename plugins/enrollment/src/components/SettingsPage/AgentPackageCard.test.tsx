import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { enrollmentApiRef } from '../../api';
import {
  agentPackage,
  mockEnrollmentApi,
  responseError,
} from '../../__testUtils__/enrollment';
import { AgentPackageCard } from './AgentPackageCard';

async function renderCard(
  overrides: Parameters<typeof mockEnrollmentApi>[0] = {},
  disabled = false,
) {
  const api = mockEnrollmentApi(overrides);
  await renderInTestApp(
    <TestApiProvider apis={[[enrollmentApiRef, api]]}>
      <AgentPackageCard disabled={disabled} />
    </TestApiProvider>,
  );
  return api;
}

function value(title: string) {
  return screen.getByRole('cell', { name: title }).closest('tr')!.textContent;
}

describe('AgentPackageCard', () => {
  it('summarizes the package', async () => {
    await renderCard();
    await screen.findByText('Acme Agent');
    expect(value('Bundle id')).toContain('com.acme.agent');
    expect(value('Version')).toContain('2.1.0');
    expect(value('File name')).toContain('AcmeAgent-2.1.pkg');
    expect(value('Size')).toContain('5.0 MB');
    expect(value('SHA-256')).toContain('ab12cd34');
    expect(value('Signature')).toContain('Signed');
    expect(screen.queryByText(/This package is not signed/)).toBeNull();
  });

  it('warns that Macs will not install an unsigned package', async () => {
    await renderCard({
      getAgentPackage: jest
        .fn()
        .mockResolvedValue(agentPackage({ signed: false })),
    });
    expect(
      await screen.findByText(/This package is not signed/),
    ).toHaveTextContent('Macs will not install it');
    expect(value('Signature')).toContain('Not signed');
  });

  it('uploads the chosen .pkg with its file name', async () => {
    const user = userEvent.setup({ delay: null });
    const uploaded = agentPackage({ bundleVersion: '2.2.0' });
    const api = await renderCard({
      getAgentPackage: jest.fn().mockResolvedValue({ configured: false }),
      uploadAgentPackage: jest.fn().mockResolvedValue(uploaded),
    });
    expect(await screen.findByText(/No agent package/)).toBeInTheDocument();
    const pkg = new File(
      [new Uint8Array([0x78, 0x61, 0x72, 0x21])],
      'Acme Agent.pkg',
    );
    await user.upload(screen.getByLabelText('Choose .pkg file'), pkg);
    await user.click(screen.getByRole('button', { name: 'Upload package' }));

    expect(api.uploadAgentPackage).toHaveBeenCalledWith(pkg, 'Acme Agent.pkg');
    expect(
      await screen.findByText(/Acme Agent.pkg was uploaded/),
    ).toBeInTheDocument();
    expect(value('Version')).toContain('2.2.0');
  });

  it('refuses a file that is not a .pkg', async () => {
    // As when the admin lets the file chooser show every file.
    const user = userEvent.setup({ applyAccept: false, delay: null });
    const api = await renderCard();
    await screen.findByText('Acme Agent');
    await user.upload(
      screen.getByLabelText('Choose .pkg file'),
      new File(['x'], 'agent.dmg'),
    );
    expect(screen.getByText(/its name ends in .pkg/)).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Upload package' }),
    ).toBeDisabled();
    expect(api.uploadAgentPackage).not.toHaveBeenCalled();
  });

  it('sets an https URL and refuses an http one', async () => {
    const user = userEvent.setup({ delay: null });
    const api = await renderCard({
      setAgentPackageUrl: jest.fn().mockResolvedValue(
        agentPackage({
          source: 'url',
          url: 'https://cdn.acme.test/agent.pkg',
        }),
      ),
    });
    await screen.findByText('Acme Agent');
    const field = screen.getByLabelText('Or download it from');
    await user.click(field);
    await user.paste('http://cdn.acme.test/agent.pkg');
    await user.click(screen.getByRole('button', { name: 'Use URL' }));
    expect(screen.getByText(/Enter an https URL/)).toBeInTheDocument();
    expect(api.setAgentPackageUrl).not.toHaveBeenCalled();

    await user.clear(field);
    await user.paste(' https://cdn.acme.test/agent.pkg ');
    await user.click(screen.getByRole('button', { name: 'Use URL' }));
    expect(api.setAgentPackageUrl).toHaveBeenCalledWith(
      'https://cdn.acme.test/agent.pkg',
    );
    expect(
      await screen.findByText('Downloaded by Macs from its URL'),
    ).toBeInTheDocument();
    expect(value('URL')).toContain('https://cdn.acme.test/agent.pkg');
  });

  it("shows the backend's reason when the URL cannot be used", async () => {
    const user = userEvent.setup({ delay: null });
    await renderCard({
      setAgentPackageUrl: jest
        .fn()
        .mockRejectedValue(
          await responseError(400, 'Bad Request', 'The URL answered 404'),
        ),
    });
    await screen.findByText('Acme Agent');
    await user.click(screen.getByLabelText('Or download it from'));
    await user.paste('https://cdn.acme.test/gone.pkg');
    await user.click(screen.getByRole('button', { name: 'Use URL' }));
    expect(
      await screen.findByText('The URL was not saved: The URL answered 404'),
    ).toBeInTheDocument();
  });

  it('removes the package once confirmed', async () => {
    const user = userEvent.setup({ delay: null });
    const api = await renderCard({
      getAgentPackage: jest
        .fn()
        .mockResolvedValueOnce(agentPackage())
        .mockResolvedValue({ configured: false }),
    });
    await user.click(
      await screen.findByRole('button', { name: 'Remove package' }),
    );
    await user.click(
      await screen.findByRole('button', { name: 'Remove package' }),
    );
    expect(api.deleteAgentPackage).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/No agent package/)).toBeInTheDocument();
  });

  it('changes nothing without the update permission', async () => {
    await renderCard({}, true);
    await screen.findByText('Acme Agent');
    expect(screen.queryByLabelText('Choose .pkg file')).toBeNull();
    expect(screen.queryByLabelText('Or download it from')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove package' })).toBeNull();
  });
});
