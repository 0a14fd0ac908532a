import {
  InfoCard,
  Progress,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { PushCertificateSummary } from '@macenroll/plugin-enrollment-common';
import { memo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { enrollmentApiRef } from '../../api';
import { enrollmentTranslationRef } from '../../translation';
import { ConfirmedActionButton } from '../shared/ConfirmedActionButton';
import { errorMessage } from '../../utils/errorMessage';
import { formatDateTime } from '../../utils/format';
import { PushCertificateForm } from './PushCertificateForm';

const asWritten = { titleFormat: (key: string) => key };

/** What is wrong with the certificate, in the words an admin acts on. */
const CertificateState = ({ summary }: { summary: PushCertificateSummary }) => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  if (!summary.configured) {
    return <Alert severity="error">{t('settings.push.notConfigured')}</Alert>;
  }
  const expiry = summary.notAfter ? formatDateTime(summary.notAfter) : '';
  const replace =
    summary.source === 'config'
      ? t('settings.push.replaceInConfig')
      : t('settings.push.replaceHere');
  if (summary.expired) {
    return (
      <Alert severity="error">
        {t('settings.push.expired', { expiry, replace })}
      </Alert>
    );
  }
  if (summary.expiresSoon) {
    return (
      <Alert severity="warning">
        {t('settings.push.expiresSoon', { expiry, replace })}
      </Alert>
    );
  }
  return null;
};

/**
 * The APNs certificate that lets the server wake Macs. One in app-config
 * wins; otherwise admins upload it here, which takes effect at once.
 * Memoized, so typing in the other settings does not redraw it.
 */
export const PushCertificateCard = memo((props: { disabled: boolean }) => {
  const { disabled } = props;
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const [version, setVersion] = useState(0);
  const { value, loading, error } = useAsync(
    () => api.getPushCertificate(),
    [api, version],
  );
  // What an upload answered replaces what was loaded, until the next load.
  const [uploaded, setUploaded] = useState<{
    version: number;
    summary: PushCertificateSummary;
  }>();
  const summary = uploaded?.version === version ? uploaded.summary : value;

  let body;
  if (loading && !summary) {
    body = <Progress />;
  } else if (error || !summary) {
    body = (
      <Alert severity="error">
        {t('settings.push.notRead', { error: errorMessage(error) })}
      </Alert>
    );
  } else {
    const fromConfig = summary.source === 'config';
    body = (
      <>
        <Box mb={2}>
          <CertificateState summary={summary} />
        </Box>
        {summary.configured && (
          <StructuredMetadataTable
            options={asWritten}
            metadata={{
              [t('settings.push.source')]: fromConfig
                ? t('settings.push.sourceConfig')
                : t('settings.push.sourceUpload'),
              [t('settings.push.topic')]: summary.topic ?? '—',
              [t('settings.push.subject')]: summary.subject ?? '—',
              [t('settings.push.serialNumber')]: summary.serialNumber ?? '—',
              [t('settings.push.expires')]: summary.notAfter
                ? formatDateTime(summary.notAfter)
                : '—',
            }}
          />
        )}
        {fromConfig && (
          <Typography variant="body2" color="textSecondary">
            {t('settings.push.managedInConfig')}
          </Typography>
        )}
        {!fromConfig && disabled && (
          <Typography variant="body2" color="textSecondary">
            {t('settings.push.uploadNotAllowed')}
          </Typography>
        )}
        {!fromConfig && !disabled && summary.source === 'upload' && (
          <Box mt={2}>
            <ConfirmedActionButton
              label={t('settings.push.remove')}
              question={t('settings.push.removeQuestion')}
              explanation={t('settings.push.removeExplanation')}
              keepLabel={t('settings.push.keep')}
              testId="push-certificate-remove"
              action={async () => {
                await api.deleteUploadedPushCertificate();
                setVersion(n => n + 1);
              }}
            />
          </Box>
        )}
        {!fromConfig && !disabled && (
          <PushCertificateForm
            onUploaded={result => setUploaded({ version, summary: result })}
          />
        )}
      </>
    );
  }

  return (
    <InfoCard title={t('settings.push.title')}>
      <Typography variant="body2" color="textSecondary" paragraph>
        {t('settings.push.intro')}
      </Typography>
      {body}
    </InfoCard>
  );
});
