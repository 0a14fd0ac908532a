import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { enrollmentApiRef } from '../../api';

/** The CA Macs trust when they enroll, so an admin can compare fingerprints. */
export const CaCard = () => {
  const api = useApi(enrollmentApiRef);
  const { value, loading, error } = useAsync(() => api.getCaSummary(), [api]);

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return (
    <InfoCard title="Enrollment CA">
      <StructuredMetadataTable
        metadata={{
          Subject: value!.subject,
          'SHA-256 fingerprint': value!.sha256Fingerprint,
          'Valid until': new Date(value!.notAfter).toUTCString(),
        }}
      />
    </InfoCard>
  );
};
