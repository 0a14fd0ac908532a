import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { enrollmentTranslationRef } from '../../translation';

/**
 * A button that chooses one file, with the chosen file's name beside it.
 * The input keeps `id` for browser tests, which set files on it directly.
 */
export const FilePicker = (props: {
  id: string;
  label: string;
  accept: string;
  file?: File;
  disabled?: boolean;
  onChange: (file?: File) => void;
}) => {
  const { id, label, accept, file, disabled, onChange } = props;
  const { t } = useTranslationRef(enrollmentTranslationRef);
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
      <Button variant="outlined" component="label" disabled={disabled}>
        {label}
        <input
          id={id}
          type="file"
          accept={accept}
          hidden
          disabled={disabled}
          onChange={e => {
            onChange(e.target.files?.[0]);
            // Choosing the same file again after a failed upload still counts.
            e.target.value = '';
          }}
        />
      </Button>
      <Typography variant="body2" color="textSecondary">
        {file?.name ?? t('settings.noFileChosen')}
      </Typography>
    </Box>
  );
};
