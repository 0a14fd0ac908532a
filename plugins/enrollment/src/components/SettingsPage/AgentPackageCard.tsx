import {
  InfoCard,
  Progress,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { AgentPackageSummary } from '@macenroll/plugin-enrollment-common';
import { memo, ReactNode, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { enrollmentApiRef } from '../../api';
import { ConfirmedActionButton } from '../shared/ConfirmedActionButton';
import { errorMessage } from '../../utils/errorMessage';
import { formatBytes, formatDateTime } from '../../utils/format';
import { AgentPackageForm } from './AgentPackageForm';

const asWritten = { titleFormat: (key: string) => key };

function packageMetadata(agent: AgentPackageSummary) {
  const metadata: Record<string, ReactNode> = {
    Source:
      agent.source === 'url'
        ? 'Downloaded by Macs from its URL'
        : 'Uploaded here',
  };
  if (agent.url) metadata.URL = agent.url;
  Object.assign(metadata, {
    Title: agent.title ?? '—',
    'Bundle id': agent.bundleId ?? '—',
    Version: agent.bundleVersion ?? '—',
    'File name': agent.fileName ?? '—',
    Size:
      agent.sizeInBytes === undefined ? '—' : formatBytes(agent.sizeInBytes),
    'SHA-256': (
      <span style={{ wordBreak: 'break-all' }}>{agent.sha256 ?? '—'}</span>
    ),
    Signature: agent.signed ? 'Signed' : 'Not signed',
    Updated: agent.updatedAt ? formatDateTime(agent.updatedAt) : '—',
  });
  return metadata;
}

/**
 * The management agent the server installs on Macs once they enroll.
 * Changes here take effect at once. Memoized, so typing in the other
 * settings does not redraw it.
 */
export const AgentPackageCard = memo((props: { disabled: boolean }) => {
  const { disabled } = props;
  const api = useApi(enrollmentApiRef);
  const [version, setVersion] = useState(0);
  const { value, loading, error } = useAsync(
    () => api.getAgentPackage(),
    [api, version],
  );
  // What an upload answered replaces what was loaded, until the next load.
  const [changed, setChanged] = useState<{
    version: number;
    agent: AgentPackageSummary;
  }>();
  const agent = changed?.version === version ? changed.agent : value;

  let body;
  if (loading && !agent) {
    body = <Progress />;
  } else if (error || !agent) {
    body = (
      <Alert severity="error">
        The agent package could not be read: {errorMessage(error)}
      </Alert>
    );
  } else {
    body = (
      <>
        {!agent.configured && (
          <Alert severity="info">
            No agent package: Macs enroll without a management agent.
          </Alert>
        )}
        {agent.configured && agent.signed === false && (
          <Box mb={2}>
            <Alert severity="warning">
              This package is not signed. macOS installs only signed packages
              sent by device management, so Macs will not install it: sign it
              with a Developer ID Installer certificate (productsign) and upload
              it again.
            </Alert>
          </Box>
        )}
        {agent.configured && (
          <StructuredMetadataTable
            options={asWritten}
            metadata={packageMetadata(agent)}
          />
        )}
        {disabled && (
          <Typography variant="body2" color="textSecondary">
            Changing the agent package needs the enrollment.settings.update
            permission.
          </Typography>
        )}
        {!disabled && agent.configured && (
          <Box mt={2}>
            <ConfirmedActionButton
              label="Remove package"
              question="Remove the agent package?"
              explanation="Macs that enroll from now on get no agent installed. Macs that already installed it keep it."
              keepLabel="Keep package"
              testId="agent-package-remove"
              action={async () => {
                await api.deleteAgentPackage();
                setVersion(n => n + 1);
              }}
            />
          </Box>
        )}
        {!disabled && (
          <AgentPackageForm
            onChanged={result => setChanged({ version, agent: result })}
          />
        )}
      </>
    );
  }

  return (
    <InfoCard title="Agent package">
      <Typography variant="body2" color="textSecondary" paragraph>
        The package installed on every Mac once it enrolls (macOS 10.13.6 or
        later). Changes here take effect at once.
      </Typography>
      {body}
    </InfoCard>
  );
});
