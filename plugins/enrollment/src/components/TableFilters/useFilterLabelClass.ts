import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  label: { color: theme.palette.text.primary },
}));

/**
 * The class of a filter's label. Filter bars sit on the page's background,
 * not on a card, and there Material UI's secondary text colour for labels is
 * too faint: 4.47:1 on Backstage's light grey, under the 4.5:1 WCAG asks of
 * text. The primary text colour is readable in both themes; a focused or
 * invalid label keeps its own colour (Material UI's rule is more specific).
 */
export const useFilterLabelClass = () => useStyles().label;
