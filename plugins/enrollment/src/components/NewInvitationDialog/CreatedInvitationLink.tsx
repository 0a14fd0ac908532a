import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { CreatedInvitation } from '@macenroll/plugin-enrollment-common';
import { useState } from 'react';

/** The new invitation's link, which the backend shows this one time only. */
export const CreatedInvitationLink = (props: {
  invitation: CreatedInvitation;
}) => {
  const { invitation } = props;
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
          ? 'The invitation was created. Share the link with the people who should enroll.'
          : `The invitation was created and is being sent to ${
              invitation.recipientCount
            } recipient${invitation.recipientCount === 1 ? '' : 's'}.`}
      </Alert>
      <Box mt={2} display="flex" alignItems="center">
        <TextField
          id="invitation-link"
          label="Enrollment link"
          value={invitation.url}
          fullWidth
          variant="outlined"
          InputProps={{ readOnly: true }}
          onFocus={e => e.target.select()}
        />
        <Box ml={1}>
          <Button variant="outlined" color="primary" onClick={copyLink}>
            Copy
          </Button>
        </Box>
      </Box>
      <Box mt={1} role="status">
        {copy === 'copied' && <Typography>Copied</Typography>}
        {copy === 'failed' && (
          <Typography color="error">
            Could not copy. Select the link and copy it yourself.
          </Typography>
        )}
      </Box>
      <Box mt={2}>
        <Typography color="textSecondary">
          This link is shown only once. Copy it now if you want to share it
          yourself; it cannot be shown again later.
        </Typography>
      </Box>
    </>
  );
};
