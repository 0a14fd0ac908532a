import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import {
  confirmationProblem,
  MIN_PASSWORD,
  passwordProblem,
} from './accountRules';

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
  const passwordError = passwordProblem(props.password);
  const confirmationError = confirmationProblem(
    props.password,
    props.confirmation,
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
          helperText={passwordError ?? `At least ${MIN_PASSWORD} characters.`}
        />
      </Box>
      <Box mt={2}>
        <TextField
          id={`${props.idPrefix}-confirmation`}
          label="Confirm password"
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
