import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { MAX_RECIPIENTS, ParsedRecipients } from './parseRecipients';

// Long pasted lists would make the dialog endless; the count says the rest.
const MAX_INVALID_SHOWN = 50;

function summary(parsed: ParsedRecipients): string {
  const parts = [`${parsed.valid.length} valid`];
  if (parsed.duplicates > 0) {
    parts.push(
      `${parsed.duplicates} duplicate${
        parsed.duplicates === 1 ? '' : 's'
      } removed`,
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
  const tooMany = parsed.valid.length > MAX_RECIPIENTS;
  const shownInvalid = parsed.invalid.slice(0, MAX_INVALID_SHOWN);
  return (
    <>
      <TextField
        id="invitation-recipients"
        label="Recipients"
        placeholder="jane@example.com, bob@example.com"
        helperText="Paste email addresses separated by commas, semicolons, spaces or new lines."
        multiline
        minRows={5}
        maxRows={12}
        fullWidth
        variant="outlined"
        value={text}
        onChange={e => onChange(e.target.value)}
      />
      <Box mt={2}>
        <Typography role="status">{summary(parsed)}</Typography>
        {parsed.valid.length === 0 && parsed.invalid.length === 0 && (
          <Typography color="textSecondary">
            No recipients makes a link-only invitation: you share the link
            yourself.
          </Typography>
        )}
        {tooMany && (
          <Typography color="error">
            An invitation can have at most {MAX_RECIPIENTS} recipients; this one
            has {parsed.valid.length}. Split them over several invitations.
          </Typography>
        )}
        {shownInvalid.length > 0 && (
          <Box mt={1}>
            <Typography color="error">
              Correct or remove these entries to go on:
            </Typography>
            <ul aria-label="Invalid entries">
              {shownInvalid.map(entry => (
                <li key={entry}>
                  <Typography color="error" variant="body2">
                    not an email address: {entry}
                  </Typography>
                </li>
              ))}
            </ul>
            {parsed.invalid.length > shownInvalid.length && (
              <Typography color="error" variant="body2">
                and {parsed.invalid.length - shownInvalid.length} more
              </Typography>
            )}
          </Box>
        )}
      </Box>
    </>
  );
};
