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
import { ProfileSigningSummary } from '@macenroll/plugin-enrollment-common';
import { memo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { enrollmentApiRef } from '../../api';
import { enrollmentTranslationRef } from '../../translation';
import { errorMessage } from '../../utils/errorMessage';
import { formatDateTime } from '../../utils/format';
import { ConfirmedActionButton } from '../shared/ConfirmedActionButton';
import { ProfileSigningForm } from './ProfileSigningForm';

const asWritten = { titleFormat: (key: string) => key };

/** Who signs, with what, until when. */
const SignerTable = ({ summary }: { summary: ProfileSigningSummary }) => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const sources = {
    config: t('settings.profileSigning.sourceConfig'),
    upload: t('settings.profileSigning.sourceUpload'),
    ca: t('settings.profileSigning.sourceCa'),
  };
  return (
    <StructuredMetadataTable
      options={asWritten}
      metadata={{
        [t('settings.profileSigning.source')]: sources[summary.source],
        [t('settings.profileSigning.subject')]: summary.subject,
        [t('settings.profileSigning.issuer')]: summary.issuer,
        [t('settings.profileSigning.expires')]: formatDateTime(
          summary.notAfter,
        ),
        [t('settings.profileSigning.chain')]: summary.chain,
      }}
    />
  );
};

/** Removes the uploaded identity once confirmed: our CA signs again. */
const UseCaAgain = ({ onDone }: { onDone: () => void }) => {
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  return (
    <Box mt={2}>
      <ConfirmedActionButton
        label={t('settings.profileSigning.useCa')}
        question={t('settings.profileSigning.useCaQuestion')}
        explanation={t('settings.profileSigning.useCaExplanation')}
        keepLabel={t('settings.profileSigning.keep')}
        testId="profile-signing-use-ca"
        action={async () => {
          await api.deleteProfileSigning();
          onDone();
        }}
      />
    </Box>
  );
};

/**
 * The certificate that signs enrollment profiles: our CA's by default; a
 * third-party one (app-config wins, else uploaded here) makes macOS show
 * profiles as Verified. Memoized, so typing in the other settings does not
 * redraw it.
 */
export const ProfileSigningCard = memo((props: { disabled: boolean }) => {
  const { disabled } = props;
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const [version, setVersion] = useState(0);
  const { value, loading, error } = useAsync(
    () => api.getProfileSigning(),
    [api, version],
  );
  // What an upload answered replaces what was loaded, until the next load.
  const [uploaded, setUploaded] = useState<{
    version: number;
    summary: ProfileSigningSummary;
  }>();
  const summary = uploaded?.version === version ? uploaded.summary : value;

  let body;
  if (loading && !summary) {
    body = <Progress />;
  } else if (error || !summary) {
    body = (
      <Alert severity="error">
        {t('settings.profileSigning.notRead', { error: errorMessage(error) })}
      </Alert>
    );
  } else {
    const fromConfig = summary.source === 'config';
    body = (
      <>
        {summary.expired && (
          <Box mb={2}>
            <Alert severity="error">
              {t('settings.profileSigning.expired', {
                expiry: formatDateTime(summary.notAfter),
              })}
            </Alert>
          </Box>
        )}
        <SignerTable summary={summary} />
        {fromConfig && (
          <Typography variant="body2" color="textSecondary">
            {t('settings.profileSigning.managedInConfig')}
          </Typography>
        )}
        {!fromConfig && disabled && (
          <Typography variant="body2" color="textSecondary">
            {t('settings.profileSigning.uploadNotAllowed')}
          </Typography>
        )}
        {!fromConfig && !disabled && summary.source === 'upload' && (
          <UseCaAgain onDone={() => setVersion(n => n + 1)} />
        )}
        {!fromConfig && !disabled && (
          <ProfileSigningForm
            onUploaded={result => setUploaded({ version, summary: result })}
          />
        )}
      </>
    );
  }

  return (
    <InfoCard title={t('settings.profileSigning.title')}>
      <Typography variant="body2" color="textSecondary" paragraph>
        {t('settings.profileSigning.intro')}
      </Typography>
      {body}
    </InfoCard>
  );
});
