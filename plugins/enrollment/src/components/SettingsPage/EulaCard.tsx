import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { SwitchField } from '../shared/SwitchField';
import { memoSection, SectionProps } from './sectionProps';
import { eulaMissing, MAX_EULA_TEXT } from './settingsLimits';

/** An agreement people accept on the portal before they download anything. */
export const EulaCard = memoSection(
  (props: SectionProps) => {
    const { settings, onChange, disabled } = props;
    const { eula } = settings;
    const missing = eulaMissing(settings);
    const tooLong = eula.text.length > MAX_EULA_TEXT;

    let help = 'Shown as plain text, with its line breaks.';
    if (missing) help = 'Enter the agreement, or turn it off.';
    else if (tooLong) help = `At most ${MAX_EULA_TEXT} characters.`;

    return (
      <InfoCard title="End-user license agreement">
        <SwitchField
          label="Ask people to accept a license agreement"
          help="People must accept it before they can download anything."
          checked={eula.enabled}
          disabled={disabled}
          onChange={enabled =>
            onChange(current => ({ eula: { ...current.eula, enabled } }))
          }
        />
        <Box mt={2}>
          <TextField
            id="settings-eula-text"
            label="Agreement text"
            fullWidth
            multiline
            minRows={6}
            maxRows={20}
            variant="outlined"
            value={eula.text}
            disabled={disabled}
            onChange={e => {
              const text = e.target.value;
              onChange(current => ({ eula: { ...current.eula, text } }));
            }}
            error={missing || tooLong}
            helperText={help}
          />
        </Box>
      </InfoCard>
    );
  },
  ['eula'],
);
