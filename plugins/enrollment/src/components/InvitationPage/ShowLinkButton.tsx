import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { InvitationLink } from '@macenroll/plugin-enrollment-common';
import { useState } from 'react';
import { enrollmentApiRef } from '../../api';
import { enrollmentTranslationRef } from '../../translation';
import { errorMessage } from '../../utils/errorMessage';
import { LinkField } from '../shared/LinkField';

/**
 * Shows the invitation's link again, or one recipient's own: the backend
 * derives it on request (for those who may create invitations) and audits it.
 */
export const ShowLinkButton = (props: {
  invitationId: string;
  recipient?: string;
  variant?: 'outlined' | 'text';
}) => {
  const { invitationId, recipient } = props;
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState<InvitationLink>();
  const [error, setError] = useState<string>();

  const show = async () => {
    setOpen(true);
    setError(undefined);
    try {
      setLink(await api.getInvitationLink(invitationId, recipient));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const title = recipient
    ? t('invitation.link.recipientTitle', { recipient })
    : t('invitation.link.title');

  return (
    <>
      <Button
        variant={props.variant ?? 'outlined'}
        color="primary"
        onClick={show}
        aria-label={recipient ? title : undefined}
        style={{ whiteSpace: 'nowrap' }}
      >
        {recipient
          ? t('invitation.link.recipientLabel')
          : t('invitation.link.label')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        fullWidth
        maxWidth="md"
        aria-labelledby="invitation-link-title"
      >
        <DialogTitle id="invitation-link-title">{title}</DialogTitle>
        <DialogContent>
          {error && <Alert severity="error">{error}</Alert>}
          {link && (
            <>
              <LinkField
                url={link.url}
                label={t('newInvitation.created.link')}
              />
              <Typography color="textSecondary">
                {recipient
                  ? t('invitation.link.recipientHelp')
                  : t('invitation.link.help')}
              </Typography>
            </>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>
            {t('newInvitation.close')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
