import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';

/** Backstage's status colors (theme.palette.status). */
export type StatusTone =
  | 'ok'
  | 'warning'
  | 'error'
  | 'pending'
  | 'running'
  | 'aborted';

const useStyles = makeStyles<Theme, { tone: StatusTone }>(theme => ({
  chip: ({ tone }) => {
    const color = theme.palette.status[tone];
    return {
      backgroundColor: color,
      color: theme.palette.getContrastText(color),
      margin: 0,
    };
  },
}));

/** A status as a small chip in its tone's color. */
export const StatusChip = (props: { label: string; tone: StatusTone }) => {
  const classes = useStyles({ tone: props.tone });
  return <Chip size="small" className={classes.chip} label={props.label} />;
};
