import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { AgentPackageSummary } from '@macenroll/plugin-enrollment-common';
import { FormEvent, useState } from 'react';
import { enrollmentApiRef } from '../../api';
import { enrollmentTranslationRef } from '../../translation';
import { errorMessage } from '../../utils/errorMessage';
import { EnrollmentT } from '../../utils/translate';
import { FilePicker } from './FilePicker';

type Outcome = { severity: 'success' | 'error'; text: string };

/** Why the URL would be refused, or undefined when it is fine. */
export function packageUrlProblem(
  url: string,
  t: EnrollmentT,
): string | undefined {
  try {
    // Macs download it themselves; macOS fetches enterprise apps over https only.
    if (new URL(url).protocol === 'https:') return undefined;
  } catch {
    // Not a URL at all.
  }
  return t('settings.agent.urlProblem');
}

/** Uploads the agent's .pkg, or points Macs at a URL that serves it. */
export const AgentPackageForm = (props: {
  onChanged: (summary: AgentPackageSummary) => void;
}) => {
  const { onChanged } = props;
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const [file, setFile] = useState<File>();
  const [url, setUrl] = useState('');
  const [urlTried, setUrlTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const wrongFile = file && !file.name.toLowerCase().endsWith('.pkg');
  const urlProblem = urlTried ? packageUrlProblem(url.trim(), t) : undefined;

  const run = async (
    failure: (error: string) => string,
    action: () => Promise<string>,
  ) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      setOutcome({ severity: 'success', text: await action() });
    } catch (e) {
      setOutcome({ severity: 'error', text: failure(errorMessage(e)) });
    } finally {
      setBusy(false);
    }
  };

  const upload = (event: FormEvent) => {
    event.preventDefault();
    if (!file || wrongFile) return;
    run(
      error => t('settings.agent.notUploaded', { error }),
      async () => {
        const summary = await api.uploadAgentPackage(file, file.name);
        setFile(undefined);
        onChanged(summary);
        return t('settings.agent.uploaded', { fileName: file.name });
      },
    );
  };

  const useUrl = (event: FormEvent) => {
    event.preventDefault();
    setUrlTried(true);
    const trimmed = url.trim();
    if (packageUrlProblem(trimmed, t)) return;
    run(
      error => t('settings.agent.urlNotSaved', { error }),
      async () => {
        const summary = await api.setAgentPackageUrl(trimmed);
        setUrl('');
        setUrlTried(false);
        onChanged(summary);
        return t('settings.agent.urlSaved');
      },
    );
  };

  return (
    <Box mt={2}>
      <Box component="form" onSubmit={upload}>
        <FilePicker
          id="agent-package-file"
          label={t('settings.agent.choose')}
          accept=".pkg"
          file={file}
          disabled={busy}
          onChange={setFile}
        />
        {wrongFile && (
          <Typography variant="body2" color="error">
            {t('settings.agent.wrongFile')}
          </Typography>
        )}
        <Box mt={1}>
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={busy || !file || wrongFile}
          >
            {busy && file ? t('common.uploading') : t('settings.agent.upload')}
          </Button>
        </Box>
      </Box>
      <Box
        component="form"
        onSubmit={useUrl}
        display="flex"
        alignItems="flex-start"
        mt={2}
      >
        <TextField
          id="agent-package-url"
          label={t('settings.agent.url')}
          placeholder={t('settings.agent.urlPlaceholder')}
          fullWidth
          value={url}
          disabled={busy}
          onChange={e => setUrl(e.target.value)}
          error={urlProblem !== undefined}
          helperText={urlProblem ?? t('settings.agent.urlHelp')}
        />
        <Box ml={1} mt={1.5} flexShrink={0}>
          <Button
            type="submit"
            variant="outlined"
            color="primary"
            disabled={busy || !url.trim()}
          >
            {t('settings.agent.useUrl')}
          </Button>
        </Box>
      </Box>
      {outcome && (
        <Box mt={2} role={outcome.severity === 'error' ? 'alert' : 'status'}>
          <Alert severity={outcome.severity}>{outcome.text}</Alert>
        </Box>
      )}
    </Box>
  );
};
