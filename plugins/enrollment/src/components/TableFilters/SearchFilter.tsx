import Grid, { GridSize } from '@material-ui/core/Grid';
import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';
import { useFilterLabelClass } from './useFilterLabelClass';

/**
 * The free-text cell of a filter bar; `useServerPage` sends what is typed
 * once typing pauses.
 */
export const SearchFilter = (props: {
  id: string;
  label: string;
  placeholder: string;
  md: GridSize;
  value: { search: string };
  onChange: (patch: { search: string }) => void;
}) => {
  const { id, label, placeholder, md, value, onChange } = props;
  const labelClass = useFilterLabelClass();
  return (
    <Grid item xs={12} md={md}>
      <TextField
        id={id}
        label={label}
        placeholder={placeholder}
        fullWidth
        value={value.search}
        onChange={e => onChange({ search: e.target.value })}
        InputLabelProps={{ className: labelClass }}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon />
            </InputAdornment>
          ),
        }}
      />
    </Grid>
  );
};
