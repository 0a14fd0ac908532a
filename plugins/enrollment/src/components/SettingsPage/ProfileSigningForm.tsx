import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { ProfileSigningSummary } from '@macenroll/plugin-enrollment-common';
import { FormEvent, useState } from 'react';
import { enrollmentApiRef } from '../../api';
import { enrollmentTranslationRef } from '../../translation';
import { errorMessage } from '../../utils/errorMessage';
import { FilePicker } from './FilePicker';
import { readAsBase64 } from './readFile';

type Outcome = { severity: 'success' | 'error'; text: string };

const OutcomeAlert = ({ outcome }: { outcome: Outcome }) => (
  <Box mt={2} role={outcome.severity === 'error' ? 'alert' : 'status'}>
    <Alert severity={outcome.severity}>{outcome.text}</Alert>
  </Box>
);

/**
 * Uploads a third-party signing identity: a .p12 of the certificate, its
 * intermediates and key, with its password. The password is cleared once sent.
 */
export const ProfileSigningForm = (props: {
  onUploaded: (summary: ProfileSigningSummary) => void;
}) => {
  const { onUploaded } = props;
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const [p12, setP12] = useState<File>();
  const [password, setPassword] = useState('');
  const [uploading, setUploading] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!p12) return;
    setUploading(true);
    setOutcome(undefined);
    try {
      const summary = await api.uploadProfileSigning({
        p12: await readAsBase64(p12),
        password,
      });
      setPassword('');
      setOutcome({
        severity: 'success',
        text: t('settings.profileSigning.uploaded', {
          subject: summary.subject,
        }),
      });
      onUploaded(summary);
    } catch (e) {
      setOutcome({
        severity: 'error',
        text: t('settings.profileSigning.notUploaded', {
          error: errorMessage(e),
        }),
      });
    } finally {
      setUploading(false);
    }
  };

  return (
    <Box component="form" onSubmit={upload} mt={2}>
      <FilePicker
        id="profile-signing-p12"
        label={t('settings.profileSigning.chooseP12')}
        accept=".p12,.pfx,application/x-pkcs12"
        file={p12}
        disabled={uploading}
        onChange={setP12}
      />
      <TextField
        id="profile-signing-password"
        label={t('settings.profileSigning.password')}
        type="password"
        autoComplete="off"
        fullWidth
        margin="normal"
        value={password}
        disabled={uploading}
        onChange={e => setPassword(e.target.value)}
        helperText={t('settings.profileSigning.passwordHelp')}
      />
      <Box mt={2}>
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={!p12 || uploading}
        >
          {uploading
            ? t('common.uploading')
            : t('settings.profileSigning.upload')}
        </Button>
      </Box>
      {outcome && <OutcomeAlert outcome={outcome} />}
    </Box>
  );
};
