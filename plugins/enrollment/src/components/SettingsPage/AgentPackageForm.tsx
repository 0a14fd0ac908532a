import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { AgentPackageSummary } from '@macenroll/plugin-enrollment-common';
import { FormEvent, useState } from 'react';
import { enrollmentApiRef } from '../../api';
import { errorMessage } from '../../utils/errorMessage';
import { FilePicker } from './FilePicker';

type Outcome = { severity: 'success' | 'error'; text: string };

/** Why the URL would be refused, or undefined when it is fine. */
export function packageUrlProblem(url: string): string | undefined {
  try {
    // Macs download it themselves; macOS fetches enterprise apps over https only.
    if (new URL(url).protocol === 'https:') return undefined;
  } catch {
    // Not a URL at all.
  }
  return 'Enter an https URL, for example https://downloads.example.com/agent.pkg.';
}

/** Uploads the agent's .pkg, or points Macs at a URL that serves it. */
export const AgentPackageForm = (props: {
  onChanged: (summary: AgentPackageSummary) => void;
}) => {
  const { onChanged } = props;
  const api = useApi(enrollmentApiRef);
  const [file, setFile] = useState<File>();
  const [url, setUrl] = useState('');
  const [urlTried, setUrlTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const wrongFile = file && !file.name.toLowerCase().endsWith('.pkg');
  const urlProblem = urlTried ? packageUrlProblem(url.trim()) : undefined;

  const run = async (failure: string, action: () => Promise<string>) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      setOutcome({ severity: 'success', text: await action() });
    } catch (e) {
      setOutcome({ severity: 'error', text: `${failure}: ${errorMessage(e)}` });
    } finally {
      setBusy(false);
    }
  };

  const upload = (event: FormEvent) => {
    event.preventDefault();
    if (!file || wrongFile) return;
    run('The package was not uploaded', async () => {
      const summary = await api.uploadAgentPackage(file, file.name);
      setFile(undefined);
      onChanged(summary);
      return `${file.name} was uploaded: Macs that enroll from now on install it.`;
    });
  };

  const useUrl = (event: FormEvent) => {
    event.preventDefault();
    setUrlTried(true);
    const trimmed = url.trim();
    if (packageUrlProblem(trimmed)) return;
    run('The URL was not saved', async () => {
      const summary = await api.setAgentPackageUrl(trimmed);
      setUrl('');
      setUrlTried(false);
      onChanged(summary);
      return 'The package was read from the URL: Macs that enroll from now on download it from there.';
    });
  };

  return (
    <Box mt={2}>
      <Box component="form" onSubmit={upload}>
        <FilePicker
          id="agent-package-file"
          label="Choose .pkg file"
          accept=".pkg"
          file={file}
          disabled={busy}
          onChange={setFile}
        />
        {wrongFile && (
          <Typography variant="body2" color="error">
            Choose a package: its name ends in .pkg.
          </Typography>
        )}
        <Box mt={1}>
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={busy || !file || wrongFile}
          >
            {busy && file ? 'Uploading…' : 'Upload package'}
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
          label="Or download it from"
          placeholder="https://downloads.example.com/agent.pkg"
          fullWidth
          value={url}
          disabled={busy}
          onChange={e => setUrl(e.target.value)}
          error={urlProblem !== undefined}
          helperText={
            urlProblem ??
            'The server downloads it once to read it; Macs then download it from there.'
          }
        />
        <Box ml={1} mt={1.5} flexShrink={0}>
          <Button
            type="submit"
            variant="outlined"
            color="primary"
            disabled={busy || !url.trim()}
          >
            Use URL
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
