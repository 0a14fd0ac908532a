import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { formatExpiry } from '../../utils/format';
import {
  InvitationDraft,
  MAX_MESSAGE_LENGTH,
  MAX_SUBJECT_LENGTH,
} from './draft';
import { EmailPreview } from './EmailPreview';
import { expiresAtOf } from './expiry';
import { useMailSender } from './useMailSender';

/** Step 3: an optional subject and message, with the email they make. */
export const MessageStep = (props: {
  draft: InvitationDraft;
  onChange: (patch: Partial<InvitationDraft>) => void;
  linkOnly: boolean;
}) => {
  const { draft, onChange, linkOnly } = props;
  const { inviter, organization } = useMailSender();
  const subjectTooLong = draft.subject.trim().length > MAX_SUBJECT_LENGTH;
  const messageTooLong = draft.message.trim().length > MAX_MESSAGE_LENGTH;
  return (
    <Grid container spacing={2}>
      {linkOnly && (
        <Grid item xs={12}>
          <Typography color="textSecondary">
            This invitation has no recipients, so no email is sent. The subject
            and message are kept with the invitation.
          </Typography>
        </Grid>
      )}
      <Grid item xs={12}>
        <TextField
          id="invitation-subject"
          label="Subject"
          placeholder="Enroll your Mac"
          fullWidth
          value={draft.subject}
          onChange={e => onChange({ subject: e.target.value })}
          error={subjectTooLong}
          helperText={
            subjectTooLong
              ? `At most ${MAX_SUBJECT_LENGTH} characters.`
              : 'Optional.'
          }
        />
      </Grid>
      <Grid item xs={12}>
        <TextField
          id="invitation-message"
          label="Message"
          fullWidth
          multiline
          minRows={3}
          variant="outlined"
          value={draft.message}
          onChange={e => onChange({ message: e.target.value })}
          error={messageTooLong}
          helperText={
            messageTooLong
              ? `At most ${MAX_MESSAGE_LENGTH} characters.`
              : 'Optional. Shown above the link, as plain text.'
          }
        />
      </Grid>
      <Grid item xs={12}>
        <Typography variant="subtitle1" component="h3" gutterBottom>
          Preview
        </Typography>
        <EmailPreview
          inviter={inviter}
          organization={organization}
          subject={draft.subject}
          message={draft.message}
          expires={formatExpiry(expiresAtOf(draft.expiryDate))}
          requireLogin={draft.requireLogin}
        />
      </Grid>
    </Grid>
  );
};
