import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Chip from '@material-ui/core/Chip';
import {
  ENROLLMENT_EVENT_CATEGORIES,
  EnrollmentEventCategory,
} from '@macenroll/plugin-enrollment-common';
import { enrollmentTranslationRef } from '../../translation';

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
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const category = eventCategoryOf(props.type);
  return (
    <Chip
      size="small"
      variant="outlined"
      label={
        category ? t(`events.category.${category}`) : props.type.split('.')[0]
      }
    />
  );
};
