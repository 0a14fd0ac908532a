import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useState } from 'react';
import { enrollmentApiRef } from '../../api';
import { errorMessage } from '../../utils/errorMessage';

type Outcome = { severity: 'success' | 'error'; text: string };

/** Sends a test message, to check the mail server invitations go through. */
export const MailTestCard = (props: { disabled: boolean }) => {
  const { disabled } = props;
  const api = useApi(enrollmentApiRef);
  const [to, setTo] = useState('');
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const address = to.trim();
    if (!address) return;
    setSending(true);
    setOutcome(undefined);
    try {
      const { messageId } = await api.sendTestEmail(address);
      setOutcome({
        severity: 'success',
        text: `The mail server accepted the message for ${address}. Message id: ${messageId}`,
      });
    } catch (e) {
      setOutcome({ severity: 'error', text: errorMessage(e) });
    } finally {
      setSending(false);
    }
  };

  return (
    <InfoCard title="Mail">
      <Typography variant="body2" color="textSecondary" paragraph>
        {disabled
          ? 'Sending a test email needs the enrollment.settings.update permission.'
          : 'Send a test message through the mail server that sends invitations.'}
      </Typography>
      <Box
        component="form"
        onSubmit={send}
        display="flex"
        alignItems="flex-start"
      >
        <TextField
          id="settings-test-email"
          label="Send a test email to"
          type="email"
          fullWidth
          value={to}
          disabled={disabled || sending}
          onChange={e => setTo(e.target.value)}
        />
        <Box ml={1} mt={1.5} flexShrink={0}>
          <Button
            type="submit"
            variant="outlined"
            color="primary"
            disabled={disabled || sending || !to.trim()}
          >
            {sending ? 'Sending…' : 'Send test email'}
          </Button>
        </Box>
      </Box>
      {outcome && (
        <Box mt={2} role="status">
          <Alert severity={outcome.severity}>{outcome.text}</Alert>
        </Box>
      )}
    </InfoCard>
  );
};
