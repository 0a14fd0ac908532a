import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import CancelIcon from '@material-ui/icons/Cancel';
import { KeyboardEvent, useState } from 'react';
import { enrollmentTranslationRef } from '../../translation';
import { MAX_GROUPS, MAX_GROUP_NAME } from './settingsLimits';

/**
 * Directory group names as chips: type a name and press Enter to add it,
 * delete a chip to remove it. `label` and `emptyText` name the list where
 * a page has more than one.
 */
export const GroupChipsInput = (props: {
  id?: string;
  groups: string[];
  onChange: (groups: string[]) => void;
  disabled: boolean;
  label?: string;
  emptyText?: string;
  addLabel?: string;
}) => {
  const { groups, onChange, disabled } = props;
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();

  const add = () => {
    const name = text.trim();
    if (!name) return;
    // The backend compares group names exactly, so only exact repeats are.
    if (groups.includes(name)) {
      setProblem(t('settings.directory.duplicate', { name }));
    } else if (name.length > MAX_GROUP_NAME) {
      setProblem(
        t('settings.directory.nameTooLong', { max: String(MAX_GROUP_NAME) }),
      );
    } else if (groups.length >= MAX_GROUPS) {
      setProblem(t('settings.directory.tooMany', { max: String(MAX_GROUPS) }));
    } else {
      onChange([...groups, name]);
      setText('');
      setProblem(undefined);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  };

  return (
    <>
      <Box
        display="flex"
        flexWrap="wrap"
        style={{ gap: 8 }}
        mb={2}
        aria-label={props.label ?? t('settings.directory.groups')}
        role="group"
      >
        {groups.length === 0 && (
          <Typography color="textSecondary">
            {props.emptyText ?? t('settings.directory.none')}
          </Typography>
        )}
        {groups.map(group => (
          <Chip
            key={group}
            label={group}
            onDelete={
              disabled
                ? undefined
                : () => onChange(groups.filter(g => g !== group))
            }
            deleteIcon={
              <CancelIcon
                titleAccess={t('settings.directory.remove', { group })}
              />
            }
          />
        ))}
      </Box>
      {!disabled && (
        <TextField
          id={props.id ?? 'settings-add-group'}
          label={props.addLabel ?? t('settings.directory.add')}
          fullWidth
          value={text}
          onChange={e => {
            setText(e.target.value);
            setProblem(undefined);
          }}
          onKeyDown={onKeyDown}
          error={!!problem}
          helperText={problem ?? t('settings.directory.addHelp')}
        />
      )}
    </>
  );
};
