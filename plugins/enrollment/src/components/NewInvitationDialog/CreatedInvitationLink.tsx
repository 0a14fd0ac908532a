import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { CreatedInvitation } from '@macenroll/plugin-enrollment-common';
import { useState } from 'react';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { enrollmentTranslationRef } from '../../translation';

/** The new invitation's link, which the backend shows this one time only. */
export const CreatedInvitationLink = (props: {
  invitation: CreatedInvitation;
}) => {
  const { invitation } = props;
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(invitation.url);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <>
      <Alert severity="success">
        {invitation.recipientCount === 0
          ? t('newInvitation.created.linkOnly')
          : t('newInvitation.created.sent', {
              count: invitation.recipientCount,
            })}
      </Alert>
      <Box mt={2} display="flex" alignItems="center">
        <TextField
          id="invitation-link"
          label={t('newInvitation.created.link')}
          value={invitation.url}
          fullWidth
          variant="outlined"
          InputProps={{ readOnly: true }}
          onFocus={e => e.target.select()}
        />
        <Box ml={1}>
          <Button variant="outlined" color="primary" onClick={copyLink}>
            {t('newInvitation.created.copy')}
          </Button>
        </Box>
      </Box>
      <Box mt={1} role="status">
        {copy === 'copied' && (
          <Typography>{t('newInvitation.created.copied')}</Typography>
        )}
        {copy === 'failed' && (
          <Typography color="error">
            {t('newInvitation.created.copyFailed')}
          </Typography>
        )}
      </Box>
      <Box mt={2}>
        <Typography color="textSecondary">
          {t('newInvitation.created.shownOnce')}
        </Typography>
      </Box>
    </>
  );
};
