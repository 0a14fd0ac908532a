import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { CreatedInvitation } from '@macenroll/plugin-enrollment-common';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { enrollmentTranslationRef } from '../../translation';
import { LinkField } from '../shared/LinkField';

/** The new invitation and its link (which its page can show again). */
export const CreatedInvitationLink = (props: {
  invitation: CreatedInvitation;
}) => {
  const { invitation } = props;
  const { t } = useTranslationRef(enrollmentTranslationRef);
  return (
    <>
      <Alert severity="success">
        {invitation.recipientCount === 0
          ? t('newInvitation.created.linkOnly', {
              number: String(invitation.number),
            })
          : t('newInvitation.created.sent', {
              count: invitation.recipientCount,
              number: String(invitation.number),
            })}
      </Alert>
      <Box mt={2}>
        <LinkField
          url={invitation.url}
          label={t('newInvitation.created.link')}
        />
      </Box>
      <Box mt={2}>
        <Typography color="textSecondary">
          {invitation.recipientCount === 0
            ? t('newInvitation.created.showAgain')
            : t('newInvitation.created.ownLinks')}
        </Typography>
      </Box>
    </>
  );
};
