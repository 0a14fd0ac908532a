import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Step from '@material-ui/core/Step';
import StepLabel from '@material-ui/core/StepLabel';
import Stepper from '@material-ui/core/Stepper';
import Alert from '@material-ui/lab/Alert';
import { CreatedInvitation } from '@macenroll/plugin-enrollment-common';
import { useMemo, useState } from 'react';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { enrollmentApiRef } from '../../api';
import { enrollmentTranslationRef } from '../../translation';
import { useSites } from '../../hooks/useSites';
import { errorMessage } from '../../utils/errorMessage';
import { CreatedInvitationLink } from './CreatedInvitationLink';
import {
  InvitationDraft,
  MAX_MESSAGE_LENGTH,
  MAX_SUBJECT_LENGTH,
  newDraft,
  toRequest,
} from './draft';
import { expiryProblem } from './expiry';
import { MessageStep } from './MessageStep';
import { OptionsStep } from './OptionsStep';
import { MAX_RECIPIENTS, parseRecipients } from './parseRecipients';
import { RecipientsStep } from './RecipientsStep';
import { parseSerialNumbers } from './SerialNumbersField';
import { rulesProblems } from '../shared/DeviceRulesFields';
import { ReviewStep } from './ReviewStep';

const STEPS = ['recipients', 'options', 'message', 'review'] as const;

/**
 * Creates an invitation step by step. `onClose` says whether one was
 * created, so the list can show it. Mount it anew for a blank form.
 */
export const NewInvitationDialog = (props: {
  open: boolean;
  onClose: (created: boolean) => void;
}) => {
  const { open, onClose } = props;
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const { sites, error: sitesError } = useSites();
  const [draft, setDraft] = useState<InvitationDraft>(() => newDraft());
  const [step, setStep] = useState(0);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string>();
  const [created, setCreated] = useState<CreatedInvitation>();

  const parsed = useMemo(
    () => parseRecipients(draft.recipientsText),
    [draft.recipientsText],
  );
  const change = (patch: Partial<InvitationDraft>) =>
    setDraft(current => ({ ...current, ...patch }));

  const serials = useMemo(
    () => parseSerialNumbers(draft.serialNumbersText),
    [draft.serialNumbersText],
  );
  const ruleProblems = rulesProblems(draft.rules);
  const stepIsValid = [
    parsed.invalid.length === 0 && parsed.valid.length <= MAX_RECIPIENTS,
    !expiryProblem(draft.expiryDate) &&
      serials.invalid === undefined &&
      !serials.tooMany &&
      !ruleProblems.version &&
      !ruleProblems.models,
    draft.subject.trim().length <= MAX_SUBJECT_LENGTH &&
      draft.message.trim().length <= MAX_MESSAGE_LENGTH,
    true,
  ];
  const canGoOn = stepIsValid.slice(0, step + 1).every(Boolean);

  const send = async () => {
    setSending(true);
    setSendError(undefined);
    try {
      setCreated(await api.createInvitation(toRequest(draft)));
    } catch (e) {
      setSendError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };

  const close = () => {
    if (!sending) onClose(!!created);
  };

  return (
    <Dialog
      open={open}
      // A stray click beside the dialog must not lose the input or the
      // new link; Cancel, Close and Escape still close.
      onClose={(_event, reason) => {
        if (reason !== 'backdropClick') close();
      }}
      fullWidth
      maxWidth="md"
      aria-labelledby="new-invitation-title"
    >
      <DialogTitle id="new-invitation-title">
        {t('newInvitation.title')}
      </DialogTitle>
      <DialogContent>
        {created ? (
          <CreatedInvitationLink invitation={created} />
        ) : (
          <>
            <Stepper activeStep={step} alternativeLabel>
              {STEPS.map(name => (
                <Step key={name}>
                  <StepLabel>{t(`newInvitation.steps.${name}`)}</StepLabel>
                </Step>
              ))}
            </Stepper>
            {step === 0 && (
              <RecipientsStep
                text={draft.recipientsText}
                parsed={parsed}
                onChange={recipientsText => change({ recipientsText })}
              />
            )}
            {step === 1 && (
              <OptionsStep
                draft={draft}
                onChange={change}
                sites={sites}
                sitesError={sitesError}
              />
            )}
            {step === 2 && (
              <MessageStep
                draft={draft}
                onChange={change}
                linkOnly={parsed.valid.length === 0}
              />
            )}
            {step === 3 && (
              <ReviewStep
                draft={draft}
                recipients={parsed.valid}
                sites={sites}
              />
            )}
            {sendError && (
              <Box mt={2}>
                <Alert severity="error">
                  {t('newInvitation.notCreated', { error: sendError })}
                </Alert>
              </Box>
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        {created ? (
          <Button color="primary" variant="contained" onClick={close}>
            {t('newInvitation.close')}
          </Button>
        ) : (
          <>
            <Button onClick={close} disabled={sending}>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={() => setStep(step - 1)}
              disabled={step === 0 || sending}
            >
              {t('newInvitation.back')}
            </Button>
            {step < STEPS.length - 1 ? (
              <Button
                color="primary"
                variant="contained"
                onClick={() => setStep(step + 1)}
                disabled={!canGoOn}
              >
                {t('newInvitation.next')}
              </Button>
            ) : (
              <Button
                color="primary"
                variant="contained"
                onClick={send}
                disabled={!canGoOn || sending}
              >
                {sending ? t('common.sending') : t('newInvitation.send')}
              </Button>
            )}
          </>
        )}
      </DialogActions>
    </Dialog>
  );
};
