import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Site } from '@macenroll/plugin-enrollment-common';
import { enrollmentTranslationRef } from '../../translation';
import { ChoiceFilter } from './ChoiceFilter';

/**
 * The site cell of a filter bar. Without sites (none exist, or the user may
 * not list them) there is nothing to choose, so there is no cell.
 */
export const SiteFilter = (props: {
  id: string;
  value: { siteId: string };
  onChange: (patch: { siteId: string }) => void;
  sites: Site[];
}) => {
  const { id, value, onChange, sites } = props;
  const { t } = useTranslationRef(enrollmentTranslationRef);
  if (sites.length === 0) return null;
  return (
    <ChoiceFilter
      id={id}
      label={t('filters.site')}
      anyLabel={t('filters.anySite')}
      value={value.siteId}
      choices={sites.map(site => ({ value: site.id, label: site.name }))}
      onChange={siteId => onChange({ siteId })}
    />
  );
};
