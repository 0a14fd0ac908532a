import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { enrollmentTranslationRef } from '../../translation';
import { describeError } from '../../utils/describeError';

/**
 * Why something could not be loaded, for people: a headline, what to do,
 * Try again, and the technical details folded away (never the request's
 * query or a raw body).
 */
export const LoadError = (props: { error: Error; onRetry?: () => void }) => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const { title, detail, technical } = describeError(props.error, t);
  return (
    <Alert
      severity="error"
      action={
        props.onRetry && (
          <Button color="inherit" size="small" onClick={props.onRetry}>
            {t('errors.tryAgain')}
          </Button>
        )
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {detail && <Typography variant="body2">{detail}</Typography>}
      <Box mt={1} component="details">
        <summary>{t('errors.details')}</summary>
        {technical.map(line => (
          <Typography key={line} variant="caption" component="div">
            {line}
          </Typography>
        ))}
      </Box>
    </Alert>
  );
};
