import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { PortalAccount } from '@macenroll/plugin-enrollment-common';
import { FormEvent, ReactNode, useState } from 'react';
import { enrollmentTranslationRef } from '../../translation';
import { errorMessage } from '../../utils/errorMessage';

/**
 * The frame both account dialogs share: the form, its error, Cancel and the
 * submit button. `submit` runs the API call; its account goes to `onClose`.
 */
export const AccountFormDialog = (props: {
  id: string;
  title: ReactNode;
  intro: ReactNode;
  valid: boolean;
  submitLabel: string;
  busyLabel: string;
  /** Says what did not happen and why, e.g. "The account was not added: …". */
  failure: (error: string) => string;
  submit: () => Promise<PortalAccount>;
  onClose: (account?: PortalAccount) => void;
  children: (saving: boolean) => ReactNode;
}) => {
  const { onClose } = props;
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!props.valid) return;
    setSaving(true);
    setError(undefined);
    try {
      onClose(await props.submit());
    } catch (e) {
      setError(errorMessage(e));
      setSaving(false);
    }
  };

  return (
    <Dialog
      open
      // A stray click beside the dialog must not lose what was typed.
      onClose={(_event, reason) => {
        if (reason !== 'backdropClick' && !saving) onClose();
      }}
      fullWidth
      maxWidth="sm"
      aria-labelledby={`${props.id}-title`}
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={`${props.id}-title`}>{props.title}</DialogTitle>
        <DialogContent>
          <DialogContentText>{props.intro}</DialogContentText>
          {props.children(saving)}
          {error && (
            <Box mt={2}>
              <Alert severity="error">{props.failure(error)}</Alert>
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose()} disabled={saving}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={!props.valid || saving}
          >
            {saving ? props.busyLabel : props.submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
