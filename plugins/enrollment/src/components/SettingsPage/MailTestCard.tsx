import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useState } from 'react';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { enrollmentApiRef } from '../../api';
import { enrollmentTranslationRef } from '../../translation';
import { errorMessage } from '../../utils/errorMessage';

type Outcome = { severity: 'success' | 'error'; text: string };

/** Sends a test message, to check the mail server invitations go through. */
export const MailTestCard = (props: { disabled: boolean }) => {
  const { disabled } = props;
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
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
        text: t('settings.mail.accepted', { address, messageId }),
      });
    } catch (e) {
      setOutcome({ severity: 'error', text: errorMessage(e) });
    } finally {
      setSending(false);
    }
  };

  return (
    <InfoCard title={t('settings.mail.title')}>
      <Typography variant="body2" color="textSecondary" paragraph>
        {disabled ? t('settings.mail.notAllowed') : t('settings.mail.intro')}
      </Typography>
      <Box
        component="form"
        onSubmit={send}
        display="flex"
        alignItems="flex-start"
      >
        <TextField
          id="settings-test-email"
          label={t('settings.mail.to')}
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
            {sending ? t('common.sending') : t('settings.mail.send')}
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
