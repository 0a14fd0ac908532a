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
import { enrollmentApiRef } from '../../api';
import { ConfirmedActionButton } from '../shared/ConfirmedActionButton';
import { errorMessage } from '../../utils/errorMessage';
import { formatDateTime } from '../../utils/format';
import { PushCertificateForm } from './PushCertificateForm';

const asWritten = { titleFormat: (key: string) => key };

/** What is wrong with the certificate, in the words an admin acts on. */
const CertificateState = ({ summary }: { summary: PushCertificateSummary }) => {
  if (!summary.configured) {
    return (
      <Alert severity="error">
        No push certificate is configured. Without it, Macs cannot be reached:
        they are never woken to fetch their commands. Create one with your
        organization's Apple ID at Apple's Push Certificates Portal
        (identity.apple.com) and upload it here.
      </Alert>
    );
  }
  const expiry = summary.notAfter ? formatDateTime(summary.notAfter) : '';
  const replace =
    summary.source === 'config'
      ? 'put the renewed one in app-config (enrollment.apns)'
      : 'upload the renewed one here';
  if (summary.expired) {
    return (
      <Alert severity="error">
        The push certificate expired on {expiry}. Macs cannot be reached until
        you renew it with the same Apple ID at Apple's Push Certificates Portal
        and {replace}.
      </Alert>
    );
  }
  if (summary.expiresSoon) {
    return (
      <Alert severity="warning">
        The push certificate expires on {expiry}; after that, Macs cannot be
        reached. Renew it with the same Apple ID at Apple's Push Certificates
        Portal and {replace}: a certificate from another Apple ID has another
        topic, and every Mac would have to enroll again.
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
        The push certificate could not be read: {errorMessage(error)}
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
              Source: fromConfig
                ? 'app-config (enrollment.apns)'
                : 'Uploaded here',
              Topic: summary.topic ?? '—',
              Subject: summary.subject ?? '—',
              'Serial number': summary.serialNumber ?? '—',
              Expires: summary.notAfter
                ? formatDateTime(summary.notAfter)
                : '—',
            }}
          />
        )}
        {fromConfig && (
          <Typography variant="body2" color="textSecondary">
            This certificate is managed in app-config (enrollment.apns): change
            it there. A certificate uploaded here would not be used.
          </Typography>
        )}
        {!fromConfig && disabled && (
          <Typography variant="body2" color="textSecondary">
            Uploading a certificate needs the enrollment.settings.update
            permission.
          </Typography>
        )}
        {!fromConfig && !disabled && summary.source === 'upload' && (
          <Box mt={2}>
            <ConfirmedActionButton
              label="Remove certificate"
              question="Remove the uploaded push certificate?"
              explanation="Macs cannot be reached until another certificate is uploaded. To renew it, upload the renewed certificate instead: it replaces this one and Macs keep working."
              keepLabel="Keep certificate"
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
    <InfoCard title="Push certificate">
      <Typography variant="body2" color="textSecondary" paragraph>
        The Apple Push Notification service certificate the server wakes Macs
        with, so they fetch their commands. Changes here take effect at once.
      </Typography>
      {body}
    </InfoCard>
  );
});
