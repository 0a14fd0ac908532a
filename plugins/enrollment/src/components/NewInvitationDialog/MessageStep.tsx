import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { enrollmentTranslationRef } from '../../translation';
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
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const { inviter, organization } = useMailSender();
  const subjectTooLong = draft.subject.trim().length > MAX_SUBJECT_LENGTH;
  const messageTooLong = draft.message.trim().length > MAX_MESSAGE_LENGTH;
  return (
    <Grid container spacing={2}>
      {linkOnly && (
        <Grid item xs={12}>
          <Typography color="textSecondary">
            {t('newInvitation.message.linkOnly')}
          </Typography>
        </Grid>
      )}
      <Grid item xs={12}>
        <TextField
          id="invitation-subject"
          label={t('newInvitation.message.subject')}
          placeholder={t('newInvitation.message.subjectPlaceholder')}
          fullWidth
          value={draft.subject}
          onChange={e => onChange({ subject: e.target.value })}
          error={subjectTooLong}
          helperText={
            subjectTooLong
              ? t('common.atMostCharacters', {
                  max: String(MAX_SUBJECT_LENGTH),
                })
              : t('newInvitation.message.subjectHelp')
          }
        />
      </Grid>
      <Grid item xs={12}>
        <TextField
          id="invitation-message"
          label={t('newInvitation.message.message')}
          fullWidth
          multiline
          minRows={3}
          variant="outlined"
          value={draft.message}
          onChange={e => onChange({ message: e.target.value })}
          error={messageTooLong}
          helperText={
            messageTooLong
              ? t('common.atMostCharacters', {
                  max: String(MAX_MESSAGE_LENGTH),
                })
              : t('newInvitation.message.messageHelp')
          }
        />
      </Grid>
      <Grid item xs={12}>
        <Typography variant="subtitle1" component="h3" gutterBottom>
          {t('newInvitation.message.preview')}
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
