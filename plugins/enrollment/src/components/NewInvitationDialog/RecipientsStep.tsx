import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { enrollmentTranslationRef } from '../../translation';
import { EnrollmentT } from '../../utils/translate';
import { MAX_RECIPIENTS, ParsedRecipients } from './parseRecipients';

// Long pasted lists would make the dialog endless; the count says the rest.
const MAX_INVALID_SHOWN = 50;

function summary(parsed: ParsedRecipients, t: EnrollmentT): string {
  const parts: string[] = [
    t('newInvitation.recipients.valid', {
      valid: String(parsed.valid.length),
    }),
  ];
  if (parsed.duplicates > 0) {
    parts.push(
      t('newInvitation.recipients.duplicates', { count: parsed.duplicates }),
    );
  }
  return parts.join(', ');
}

/** Step 1: the addresses to send the invitation to, pasted in any form. */
export const RecipientsStep = (props: {
  text: string;
  parsed: ParsedRecipients;
  onChange: (text: string) => void;
}) => {
  const { text, parsed, onChange } = props;
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const tooMany = parsed.valid.length > MAX_RECIPIENTS;
  const shownInvalid = parsed.invalid.slice(0, MAX_INVALID_SHOWN);
  return (
    <>
      <TextField
        id="invitation-recipients"
        label={t('newInvitation.recipients.label')}
        placeholder={t('newInvitation.recipients.placeholder')}
        helperText={t('newInvitation.recipients.help')}
        multiline
        minRows={5}
        maxRows={12}
        fullWidth
        variant="outlined"
        value={text}
        onChange={e => onChange(e.target.value)}
      />
      <Box mt={2}>
        <Typography role="status">{summary(parsed, t)}</Typography>
        {parsed.valid.length === 0 && parsed.invalid.length === 0 && (
          <Typography color="textSecondary">
            {t('newInvitation.recipients.linkOnly')}
          </Typography>
        )}
        {tooMany && (
          <Typography color="error">
            {t('newInvitation.recipients.tooMany', {
              max: String(MAX_RECIPIENTS),
              valid: String(parsed.valid.length),
            })}
          </Typography>
        )}
        {shownInvalid.length > 0 && (
          <Box mt={1}>
            <Typography color="error">
              {t('newInvitation.recipients.correct')}
            </Typography>
            <ul aria-label={t('newInvitation.recipients.invalidEntries')}>
              {shownInvalid.map(entry => (
                <li key={entry}>
                  <Typography color="error" variant="body2">
                    {t('newInvitation.recipients.notAnAddress', { entry })}
                  </Typography>
                </li>
              ))}
            </ul>
            {parsed.invalid.length > shownInvalid.length && (
              <Typography color="error" variant="body2">
                {t('newInvitation.recipients.andMore', {
                  more: String(parsed.invalid.length - shownInvalid.length),
                })}
              </Typography>
            )}
          </Box>
        )}
      </Box>
    </>
  );
};
