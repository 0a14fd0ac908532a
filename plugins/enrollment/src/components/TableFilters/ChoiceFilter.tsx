import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useFilterLabelClass } from './useFilterLabelClass';

/**
 * A filter-bar cell picking one value, or none: `value` '' shows
 * `anyLabel` and means "any".
 */
export const ChoiceFilter = (props: {
  id: string;
  label: string;
  anyLabel: string;
  value: string;
  choices: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string) => void;
}) => {
  const { id, label, anyLabel, value, choices, onChange } = props;
  const labelClass = useFilterLabelClass();
  return (
    <Grid item xs={12} sm={6} md={3}>
      <TextField
        select
        id={id}
        label={label}
        fullWidth
        value={value}
        SelectProps={{ displayEmpty: true }}
        InputLabelProps={{ shrink: true, className: labelClass }}
        onChange={e => onChange(String(e.target.value))}
      >
        <MenuItem value="">{anyLabel}</MenuItem>
        {choices.map(choice => (
          <MenuItem key={choice.value} value={choice.value}>
            {choice.label}
          </MenuItem>
        ))}
      </TextField>
    </Grid>
  );
};
