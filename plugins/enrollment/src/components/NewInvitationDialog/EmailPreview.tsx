import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { enrollmentTranslationRef } from '../../translation';

/**
 * The invitation email as recipients will read it. Everything is rendered as
 * text: what the admin typed must never become markup. The backend writes
 * the email in English, so the preview is not translated.
 */
export const EmailPreview = (props: {
  inviter: string;
  organization: string;
  subject: string;
  message: string;
  expires: string;
  requireLogin: boolean;
}) => {
  const { inviter, organization, subject, message, expires, requireLogin } =
    props;
  const { t } = useTranslationRef(enrollmentTranslationRef);
  return (
    <Paper
      variant="outlined"
      role="region"
      aria-label={t('newInvitation.message.emailPreview')}
    >
      <Box p={2}>
        <Typography variant="subtitle2" gutterBottom>
          Subject: {subject.trim() || `Enroll your Mac with ${organization}`}
        </Typography>
        <Typography paragraph>
          {inviter} from {organization} IT invites you to enroll your Mac in
          device management.
        </Typography>
        {message.trim() && (
          <Typography paragraph style={{ whiteSpace: 'pre-wrap' }}>
            {message.trim()}
          </Typography>
        )}
        <Typography>
          Open this link in Safari on the Mac you want to enroll:
        </Typography>
        <Typography paragraph color="primary">
          (enrollment link)
        </Typography>
        <Typography paragraph>
          {requireLogin
            ? 'You will be asked to log in with your company account. '
            : ''}
          The link works until {expires}.
        </Typography>
        <Typography variant="body2" color="textSecondary">
          If you did not expect this message, ignore it or tell {organization}{' '}
          IT.
        </Typography>
      </Box>
    </Paper>
  );
};
