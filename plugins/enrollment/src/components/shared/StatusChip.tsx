import Chip from '@material-ui/core/Chip';
import { getContrastRatio, makeStyles, Theme } from '@material-ui/core/styles';

/** Backstage's status colors (theme.palette.status). */
export type StatusTone =
  | 'ok'
  | 'warning'
  | 'error'
  | 'pending'
  | 'running'
  | 'aborted';

/**
 * Black or white, whichever reads better on `background`. One of them is
 * always at least 4.58:1 (√21), over the 4.5:1 WCAG asks of small text;
 * `getContrastText` settles for 3:1, and so gave white on the dark theme's
 * red and blue (3.4:1 and 3.6:1).
 */
export function readableTextOn(theme: Theme, background: string): string {
  const { black, white } = theme.palette.common;
  return getContrastRatio(background, white) >=
    getContrastRatio(background, black)
    ? white
    : black;
}

const useStyles = makeStyles<Theme, { tone: StatusTone }>(theme => ({
  chip: ({ tone }) => {
    const color = theme.palette.status[tone];
    return {
      backgroundColor: color,
      color: readableTextOn(theme, color),
      margin: 0,
    };
  },
}));

/** A status as a small chip in its tone's color. */
export const StatusChip = (props: { label: string; tone: StatusTone }) => {
  const classes = useStyles({ tone: props.tone });
  return <Chip size="small" className={classes.chip} label={props.label} />;
};
