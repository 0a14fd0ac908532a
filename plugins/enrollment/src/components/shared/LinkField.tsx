import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { enrollmentTranslationRef } from '../../translation';

/** An enrollment link to read and copy, saying whether the copy worked. */
export const LinkField = (props: { url: string; label: string }) => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(props.url);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <>
      <Box display="flex" alignItems="center">
        <TextField
          id="invitation-link"
          label={props.label}
          value={props.url}
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
    </>
  );
};
