import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import {
  PushCertificateSummary,
  PushCertificateUpload,
} from '@macenroll/plugin-enrollment-common';
import { FormEvent, useState } from 'react';
import { enrollmentApiRef } from '../../api';
import { enrollmentTranslationRef } from '../../translation';
import { errorMessage } from '../../utils/errorMessage';
import { FilePicker } from './FilePicker';
import { readAsBase64, readAsText } from './readFile';

type Format = 'p12' | 'pem';

type Outcome = { severity: 'success' | 'error'; text: string };

/**
 * Uploads a push certificate: the .p12 exported from Keychain Access with
 * its password, or Apple's .pem with the private key of the request.
 */
export const PushCertificateForm = (props: {
  onUploaded: (summary: PushCertificateSummary) => void;
}) => {
  const { onUploaded } = props;
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const [format, setFormat] = useState<Format>('p12');
  const [p12, setP12] = useState<File>();
  const [password, setPassword] = useState('');
  const [certificate, setCertificate] = useState<File>();
  const [privateKey, setPrivateKey] = useState<File>();
  const [uploading, setUploading] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const ready = format === 'p12' ? !!p12 : !!certificate && !!privateKey;

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setUploading(true);
    setOutcome(undefined);
    try {
      let request: PushCertificateUpload;
      if (format === 'p12') {
        request = { p12Base64: await readAsBase64(p12!) };
        if (password) request.password = password;
      } else {
        request = {
          certificatePem: await readAsText(certificate!),
          privateKeyPem: await readAsText(privateKey!),
        };
      }
      const summary = await api.uploadPushCertificate(request);
      setPassword('');
      setOutcome({
        severity: 'success',
        text: t('settings.push.uploaded', { topic: summary.topic ?? '—' }),
      });
      onUploaded(summary);
    } catch (e) {
      setOutcome({
        severity: 'error',
        text: t('settings.push.notUploaded', { error: errorMessage(e) }),
      });
    } finally {
      setUploading(false);
    }
  };

  return (
    <Box component="form" onSubmit={upload} mt={2}>
      <RadioGroup
        row
        aria-label={t('settings.push.format')}
        value={format}
        onChange={e => setFormat(e.target.value as Format)}
      >
        <FormControlLabel
          value="p12"
          control={<Radio color="primary" />}
          label={t('settings.push.p12')}
          disabled={uploading}
        />
        <FormControlLabel
          value="pem"
          control={<Radio color="primary" />}
          label={t('settings.push.pem')}
          disabled={uploading}
        />
      </RadioGroup>
      {format === 'p12' ? (
        <>
          <FilePicker
            id="push-certificate-p12"
            label={t('settings.push.chooseP12')}
            accept=".p12,.pfx,application/x-pkcs12"
            file={p12}
            disabled={uploading}
            onChange={setP12}
          />
          <TextField
            id="push-certificate-password"
            label={t('settings.push.password')}
            type="password"
            autoComplete="off"
            fullWidth
            margin="normal"
            value={password}
            disabled={uploading}
            onChange={e => setPassword(e.target.value)}
            helperText={t('settings.push.passwordHelp')}
          />
        </>
      ) : (
        <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
          <FilePicker
            id="push-certificate-pem"
            label={t('settings.push.chooseCertificate')}
            accept=".pem,.crt,.cer"
            file={certificate}
            disabled={uploading}
            onChange={setCertificate}
          />
          <FilePicker
            id="push-certificate-key"
            label={t('settings.push.chooseKey')}
            accept=".pem,.key"
            file={privateKey}
            disabled={uploading}
            onChange={setPrivateKey}
          />
        </Box>
      )}
      <Box mt={2}>
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={!ready || uploading}
        >
          {uploading ? t('common.uploading') : t('settings.push.upload')}
        </Button>
      </Box>
      {outcome && (
        <Box mt={2} role={outcome.severity === 'error' ? 'alert' : 'status'}>
          <Alert severity={outcome.severity}>{outcome.text}</Alert>
        </Box>
      )}
    </Box>
  );
};
