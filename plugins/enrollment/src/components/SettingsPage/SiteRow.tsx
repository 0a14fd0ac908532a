import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import CheckIcon from '@material-ui/icons/Check';
import CloseIcon from '@material-ui/icons/Close';
import DeleteIcon from '@material-ui/icons/Delete';
import EditIcon from '@material-ui/icons/Edit';
import { DeviceRules, Site } from '@macenroll/plugin-enrollment-common';
import { KeyboardEvent, useEffect, useRef, useState } from 'react';
import { enrollmentTranslationRef } from '../../translation';
import { errorMessage } from '../../utils/errorMessage';
import { MAX_SITE_NAME } from './settingsLimits';
import {
  DeviceRulesDraft,
  DeviceRulesFields,
  rulesDraftOf,
  rulesOf,
  rulesProblems,
  rulesSummary,
} from '../shared/DeviceRulesFields';

const sameRules = (a?: DeviceRules, b?: DeviceRules) =>
  JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/** One site, renamed and its device rules changed in place; the parent deletes it. */
export const SiteRow = (props: {
  site: Site;
  canManage: boolean;
  busy: boolean;
  /** `rules` is undefined when they did not change, null when removed. */
  onRename: (name: string, rules?: DeviceRules | null) => Promise<void>;
  onDelete: () => void;
}) => {
  const { site, canManage, busy, onRename, onDelete } = props;
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const [name, setName] = useState<string>();
  const [rules, setRules] = useState<DeviceRulesDraft>(() =>
    rulesDraftOf(site.deviceRules),
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const editing = name !== undefined;
  const input = useRef<HTMLInputElement>(null);
  // The admin asked to rename: let them type at once.
  useEffect(() => {
    if (editing) input.current?.focus();
  }, [editing]);
  const trimmed = name?.trim() ?? '';
  const ruleProblems = rulesProblems(rules);
  const problem =
    trimmed.length > MAX_SITE_NAME
      ? t('common.atMostCharacters', { max: String(MAX_SITE_NAME) })
      : undefined;
  const invalid = !!problem || ruleProblems.version || ruleProblems.models;
  const newRules = rulesOf(rules);
  const rulesChanged = !sameRules(newRules, site.deviceRules);

  const stopEditing = () => {
    setName(undefined);
    setRules(rulesDraftOf(site.deviceRules));
    setError(undefined);
  };

  const save = async () => {
    if (!trimmed || invalid) return;
    if (trimmed === site.name && !rulesChanged) {
      stopEditing();
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      if (rulesChanged) await onRename(trimmed, newRules ?? null);
      else await onRename(trimmed);
      setName(undefined);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      stopEditing();
    }
  };

  if (editing) {
    return (
      <ListItem divider style={{ flexWrap: 'wrap' }}>
        <TextField
          id={`site-name-${site.id}`}
          label={t('settings.sites.newName', { name: site.name })}
          inputRef={input}
          fullWidth
          value={name}
          disabled={saving}
          onChange={e => setName(e.target.value)}
          onKeyDown={onKeyDown}
          error={!!(error || problem)}
          helperText={error ?? problem ?? t('settings.sites.renameHelp')}
        />
        <Box mt={1} width="100%">
          <DeviceRulesFields
            idPrefix={`site-rules-${site.id}`}
            draft={rules}
            disabled={saving}
            onChange={setRules}
          />
        </Box>
        <Box display="flex" ml={1}>
          <IconButton
            aria-label={t('settings.sites.saveName', { name: site.name })}
            onClick={save}
            disabled={saving || !trimmed || invalid}
          >
            <CheckIcon />
          </IconButton>
          <IconButton
            aria-label={t('settings.sites.cancelRename', { name: site.name })}
            onClick={stopEditing}
            disabled={saving}
          >
            <CloseIcon />
          </IconButton>
        </Box>
      </ListItem>
    );
  }

  return (
    <ListItem divider>
      <ListItemText
        primary={site.name}
        secondary={rulesSummary(site.deviceRules, t)}
      />
      {canManage && (
        <Box display="flex" ml={1}>
          <IconButton
            aria-label={t('settings.sites.rename', { name: site.name })}
            onClick={() => setName(site.name)}
            disabled={busy}
          >
            <EditIcon />
          </IconButton>
          <IconButton
            aria-label={t('settings.sites.delete', { name: site.name })}
            onClick={onDelete}
            disabled={busy}
          >
            <DeleteIcon />
          </IconButton>
        </Box>
      )}
    </ListItem>
  );
};
