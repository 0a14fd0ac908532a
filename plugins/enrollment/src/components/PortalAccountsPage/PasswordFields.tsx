import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import {
  confirmationProblem,
  MIN_PASSWORD,
  passwordProblem,
} from './accountRules';
import { enrollmentTranslationRef } from '../../translation';

/** A new password and its confirmation, checked as they are typed. */
export const PasswordFields = (props: {
  idPrefix: string;
  label: string;
  password: string;
  confirmation: string;
  disabled: boolean;
  onPasswordChange: (password: string) => void;
  onConfirmationChange: (confirmation: string) => void;
}) => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const passwordError = passwordProblem(props.password, t);
  const confirmationError = confirmationProblem(
    props.password,
    props.confirmation,
    t,
  );
  return (
    <>
      <Box mt={2}>
        <TextField
          id={`${props.idPrefix}-password`}
          label={props.label}
          type="password"
          autoComplete="new-password"
          fullWidth
          value={props.password}
          disabled={props.disabled}
          onChange={e => props.onPasswordChange(e.target.value)}
          error={!!passwordError}
          helperText={
            passwordError ??
            t('accounts.password.help', { min: String(MIN_PASSWORD) })
          }
        />
      </Box>
      <Box mt={2}>
        <TextField
          id={`${props.idPrefix}-confirmation`}
          label={t('accounts.password.confirm')}
          type="password"
          autoComplete="new-password"
          fullWidth
          value={props.confirmation}
          disabled={props.disabled}
          onChange={e => props.onConfirmationChange(e.target.value)}
          error={!!confirmationError}
          helperText={confirmationError ?? ' '}
        />
      </Box>
    </>
  );
};
