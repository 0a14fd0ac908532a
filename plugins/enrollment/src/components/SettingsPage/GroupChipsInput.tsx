import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import CancelIcon from '@material-ui/icons/Cancel';
import { KeyboardEvent, useState } from 'react';
import { MAX_GROUPS, MAX_GROUP_NAME } from './settingsLimits';

/**
 * Directory group names as chips: type a name and press Enter to add it,
 * delete a chip to remove it.
 */
export const GroupChipsInput = (props: {
  groups: string[];
  onChange: (groups: string[]) => void;
  disabled: boolean;
}) => {
  const { groups, onChange, disabled } = props;
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();

  const add = () => {
    const name = text.trim();
    if (!name) return;
    // The backend compares group names exactly, so only exact repeats are.
    if (groups.includes(name)) {
      setProblem(`${name} is already in the list.`);
    } else if (name.length > MAX_GROUP_NAME) {
      setProblem(`A group name has at most ${MAX_GROUP_NAME} characters.`);
    } else if (groups.length >= MAX_GROUPS) {
      setProblem(`At most ${MAX_GROUPS} groups.`);
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
        aria-label="Allowed groups"
        role="group"
      >
        {groups.length === 0 && (
          <Typography color="textSecondary">
            No groups: every directory user may enroll.
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
            deleteIcon={<CancelIcon titleAccess={`Remove ${group}`} />}
          />
        ))}
      </Box>
      {!disabled && (
        <TextField
          id="settings-add-group"
          label="Add a group"
          fullWidth
          value={text}
          onChange={e => {
            setText(e.target.value);
            setProblem(undefined);
          }}
          onKeyDown={onKeyDown}
          error={!!problem}
          helperText={
            problem ??
            'Type a group name as the directory spells it and press Enter.'
          }
        />
      )}
    </>
  );
};
