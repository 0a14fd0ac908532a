import {
  InfoCard,
  Progress,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { AgentPackageSummary } from '@macenroll/plugin-enrollment-common';
import { memo, ReactNode, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { enrollmentApiRef } from '../../api';
import { enrollmentTranslationRef } from '../../translation';
import { ConfirmedActionButton } from '../shared/ConfirmedActionButton';
import { errorMessage } from '../../utils/errorMessage';
import { formatBytes, formatDateTime } from '../../utils/format';
import { EnrollmentT } from '../../utils/translate';
import { AgentPackageForm } from './AgentPackageForm';

const asWritten = { titleFormat: (key: string) => key };

function packageMetadata(agent: AgentPackageSummary, t: EnrollmentT) {
  const metadata: Record<string, ReactNode> = {
    [t('settings.agent.fields.source')]:
      agent.source === 'url'
        ? t('settings.agent.fields.sourceUrl')
        : t('settings.agent.fields.sourceUpload'),
  };
  if (agent.url) metadata[t('settings.agent.fields.url')] = agent.url;
  Object.assign(metadata, {
    [t('settings.agent.fields.title')]: agent.title ?? '—',
    [t('settings.agent.fields.bundleId')]: agent.bundleId ?? '—',
    [t('settings.agent.fields.version')]: agent.bundleVersion ?? '—',
    [t('settings.agent.fields.fileName')]: agent.fileName ?? '—',
    [t('settings.agent.fields.size')]:
      agent.sizeInBytes === undefined ? '—' : formatBytes(agent.sizeInBytes),
    [t('settings.agent.fields.sha256')]: (
      <span style={{ wordBreak: 'break-all' }}>{agent.sha256 ?? '—'}</span>
    ),
    [t('settings.agent.fields.signature')]: agent.signed
      ? t('settings.agent.fields.signed')
      : t('settings.agent.fields.notSigned'),
    [t('settings.agent.fields.updated')]: agent.updatedAt
      ? formatDateTime(agent.updatedAt)
      : '—',
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
  const { t } = useTranslationRef(enrollmentTranslationRef);
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
        {t('settings.agent.notRead', { error: errorMessage(error) })}
      </Alert>
    );
  } else {
    body = (
      <>
        {!agent.configured && (
          <Alert severity="info">{t('settings.agent.none')}</Alert>
        )}
        {agent.configured && agent.signed === false && (
          <Box mb={2}>
            <Alert severity="warning">{t('settings.agent.unsigned')}</Alert>
          </Box>
        )}
        {agent.configured && (
          <StructuredMetadataTable
            options={asWritten}
            metadata={packageMetadata(agent, t)}
          />
        )}
        {disabled && (
          <Typography variant="body2" color="textSecondary">
            {t('settings.agent.notAllowed')}
          </Typography>
        )}
        {!disabled && agent.configured && (
          <Box mt={2}>
            <ConfirmedActionButton
              label={t('settings.agent.remove')}
              question={t('settings.agent.removeQuestion')}
              explanation={t('settings.agent.removeExplanation')}
              keepLabel={t('settings.agent.keep')}
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
    <InfoCard title={t('settings.agent.title')}>
      <Typography variant="body2" color="textSecondary" paragraph>
        {t('settings.agent.intro')}
      </Typography>
      {body}
    </InfoCard>
  );
});
