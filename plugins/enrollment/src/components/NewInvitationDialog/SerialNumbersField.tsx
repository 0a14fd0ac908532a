import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import TextField from '@material-ui/core/TextField';
import {
  MAX_SERIAL_ALLOWLIST,
  normalizeSerialNumbers,
  splitSerialNumbers,
} from '@macenroll/plugin-enrollment-common';
import { enrollmentTranslationRef } from '../../translation';

/** The serial numbers pasted, read as the backend reads them. */
export function parseSerialNumbers(text: string) {
  const { serialNumbers, invalid } = normalizeSerialNumbers(
    splitSerialNumbers(text),
  );
  return {
    serialNumbers,
    invalid,
    tooMany: serialNumbers.length > MAX_SERIAL_ALLOWLIST,
  };
}

/** "Limit to serial numbers": paste a list; its count and its first error show. */
export const SerialNumbersField = (props: {
  text: string;
  onChange: (text: string) => void;
}) => {
  const { text, onChange } = props;
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const parsed = parseSerialNumbers(text);
  let help: string = t('newInvitation.options.serialNumbersHelp');
  if (parsed.invalid !== undefined) {
    help = t('newInvitation.options.serialNumberInvalid', {
      entry: parsed.invalid,
    });
  } else if (parsed.tooMany) {
    help = t('newInvitation.options.serialNumbersTooMany', {
      max: String(MAX_SERIAL_ALLOWLIST),
    });
  } else if (parsed.serialNumbers.length) {
    help = `${t('newInvitation.options.serialNumbersCount', {
      number: String(parsed.serialNumbers.length),
    })}. ${help}`;
  }
  return (
    <TextField
      id="invitation-serial-numbers"
      label={t('newInvitation.options.serialNumbers')}
      value={text}
      onChange={e => onChange(e.target.value)}
      multiline
      minRows={3}
      maxRows={10}
      fullWidth
      error={parsed.invalid !== undefined || parsed.tooMany}
      helperText={help}
    />
  );
};
