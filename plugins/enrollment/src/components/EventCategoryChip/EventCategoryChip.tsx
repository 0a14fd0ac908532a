import Chip from '@material-ui/core/Chip';
import {
  ENROLLMENT_EVENT_CATEGORIES,
  EnrollmentEventCategory,
} from '@macenroll/plugin-enrollment-common';

/** What admins read for one event's category. */
const LABELS: Record<EnrollmentEventCategory, string> = {
  invitation: 'Invitation',
  portal: 'Portal',
  scep: 'SCEP',
  mdm: 'Check-in',
  admin: 'Admin change',
};

/** `portal.login-failed` → `portal`; undefined for a type of no known category. */
export function eventCategoryOf(
  type: string,
): EnrollmentEventCategory | undefined {
  const prefix = type.split('.')[0];
  return ENROLLMENT_EVENT_CATEGORIES.find(category => category === prefix);
}

/**
 * Where an event comes from, read from its type. A newer backend may log
 * categories this page does not know; those show their raw prefix.
 */
export const EventCategoryChip = (props: { type: string }) => {
  const category = eventCategoryOf(props.type);
  return (
    <Chip
      size="small"
      variant="outlined"
      label={category ? LABELS[category] : props.type.split('.')[0]}
    />
  );
};
