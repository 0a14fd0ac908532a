import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { InvitationDetails } from '@macenroll/plugin-enrollment-common';
import { useState } from 'react';
import { enrollmentApiRef } from '../../api';
import { errorMessage } from '../errorMessage';

/** Cancels the invitation once the admin confirms. */
export const CancelInvitationButton = (props: {
  invitationId: string;
  onCancelled: (invitation: InvitationDetails) => void;
}) => {
  const { invitationId, onCancelled } = props;
  const api = useApi(enrollmentApiRef);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const cancel = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const invitation = await api.cancelInvitation(invitationId);
      setConfirming(false);
      onCancelled(invitation);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        variant="outlined"
        color="secondary"
        onClick={() => setConfirming(true)}
      >
        Cancel invitation
      </Button>
      <Dialog
        open={confirming}
        onClose={() => !busy && setConfirming(false)}
        aria-labelledby="cancel-invitation-title"
      >
        <DialogTitle id="cancel-invitation-title">
          Cancel this invitation?
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            Its link stops working at once and mail not sent yet is not sent.
            Computers that already enrolled stay enrolled. This cannot be
            undone.
          </DialogContentText>
          {error && <Alert severity="error">{error}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)} disabled={busy}>
            Keep invitation
          </Button>
          <Button
            color="secondary"
            variant="contained"
            onClick={cancel}
            disabled={busy}
          >
            Cancel invitation
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
