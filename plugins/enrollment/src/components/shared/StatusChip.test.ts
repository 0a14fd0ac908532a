import { getContrastRatio, Theme } from '@material-ui/core/styles';
import { themes } from '@backstage/theme';
import { readableTextOn, StatusTone } from './StatusChip';

const TONES: StatusTone[] = [
  'ok',
  'warning',
  'error',
  'pending',
  'running',
  'aborted',
];

describe('readableTextOn', () => {
  it.each(['light', 'dark'] as const)(
    "gives every status chip of the %s theme text at 4.5:1 or more (WCAG's small text)",
    name => {
      const theme = themes[name].getTheme('v4') as Theme;
      const faint = TONES.map(tone => {
        const background = theme.palette.status[tone];
        const text = readableTextOn(theme, background);
        return { tone, ratio: getContrastRatio(background, text) };
      }).filter(({ ratio }) => ratio < 4.5);
      expect(faint).toEqual([]);
    },
  );
});
