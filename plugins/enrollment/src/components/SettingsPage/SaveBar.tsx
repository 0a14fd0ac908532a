import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { enrollmentTranslationRef } from '../../translation';

export type SaveOutcome = { severity: 'success' | 'error'; text: string };

const useStyles = makeStyles(theme => ({
  // Stays in view at the bottom of the long settings page.
  bar: {
    position: 'sticky',
    bottom: 0,
    zIndex: theme.zIndex.appBar,
    marginTop: theme.spacing(3),
    padding: theme.spacing(2),
  },
}));

/** Save and discard, with what the last save did. */
export const SaveBar = (props: {
  dirty: boolean;
  saving: boolean;
  outcome?: SaveOutcome;
  onSave: () => void;
  onDiscard: () => void;
}) => {
  const { dirty, saving, outcome, onSave, onDiscard } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(enrollmentTranslationRef);
  return (
    <Paper className={classes.bar} elevation={4}>
      {outcome && (
        <Box mb={2} role={outcome.severity === 'error' ? 'alert' : 'status'}>
          <Alert severity={outcome.severity}>{outcome.text}</Alert>
        </Box>
      )}
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Typography color="textSecondary" style={{ flexGrow: 1 }}>
          {dirty ? t('settings.saveBar.dirty') : t('settings.saveBar.clean')}
        </Typography>
        <Button onClick={onDiscard} disabled={!dirty || saving}>
          {t('settings.saveBar.discard')}
        </Button>
        <Button
          variant="contained"
          color="primary"
          onClick={onSave}
          disabled={!dirty || saving}
        >
          {saving ? t('common.saving') : t('settings.saveBar.save')}
        </Button>
      </Box>
    </Paper>
  );
};
