import {
  InfoCard,
  Progress,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import useAsync from 'react-use/esm/useAsync';
import { enrollmentApiRef } from '../../api';
import { enrollmentTranslationRef } from '../../translation';
import { LoadError } from '../shared/LoadError';

/** The CA Macs trust when they enroll, so an admin can compare fingerprints. */
export const CaCard = () => {
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const { value, loading, error } = useAsync(() => api.getCaSummary(), [api]);

  if (loading) return <Progress />;
  if (error) return <LoadError error={error} />;
  return (
    <InfoCard title={t('caCard.title')}>
      <StructuredMetadataTable
        metadata={{
          [t('caCard.subject')]: value!.subject,
          [t('caCard.fingerprint')]: value!.sha256Fingerprint,
          [t('caCard.validUntil')]: new Date(value!.notAfter).toUTCString(),
        }}
      />
    </InfoCard>
  );
};
