import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import Switch from '@material-ui/core/Switch';

/** A labelled switch with a line saying what it does. */
export const SwitchField = (props: {
  label: string;
  help: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) => (
  <>
    <FormControlLabel
      label={props.label}
      disabled={props.disabled}
      control={
        <Switch
          color="primary"
          checked={props.checked}
          onChange={e => props.onChange(e.target.checked)}
        />
      }
    />
    <FormHelperText>{props.help}</FormHelperText>
  </>
);
