import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import TextField from '@material-ui/core/TextField';
import { enrollmentTranslationRef } from '../../translation';
import { emailProblem } from './accountRules';

/**
 * The person a local account stands for: the Macs it enrolls are recorded
 * as theirs. Both fields are optional; an e-mail is checked as it is typed.
 */
export const PersonFields = (props: {
  idPrefix: string;
  realName: string;
  email: string;
  disabled: boolean;
  onRealNameChange: (value: string) => void;
  onEmailChange: (value: string) => void;
}) => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const emailError = emailProblem(props.email, t);
  return (
    <>
      <TextField
        id={`${props.idPrefix}-real-name`}
        label={t('accounts.addDialog.realName')}
        autoComplete="off"
        fullWidth
        value={props.realName}
        disabled={props.disabled}
        onChange={e => props.onRealNameChange(e.target.value)}
        helperText={t('accounts.addDialog.personHelp')}
      />
      <TextField
        id={`${props.idPrefix}-email`}
        label={t('accounts.addDialog.email')}
        type="email"
        autoComplete="off"
        fullWidth
        value={props.email}
        disabled={props.disabled}
        onChange={e => props.onEmailChange(e.target.value)}
        error={!!emailError}
        helperText={emailError}
      />
    </>
  );
};
