import { InfoCard, Table } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Typography from '@material-ui/core/Typography';
import { EnrollmentEvent } from '@macenroll/plugin-enrollment-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { enrollmentApiRef } from '../../api';
import { enrollmentTranslationRef } from '../../translation';
import { invitationEventColumns } from '../shared/eventColumns';
import { LoadedItems } from '../shared/LoadedItems';

// Enough to follow one invitation; the full history is on the activity page.
const LATEST = 20;

const TABLE_OPTIONS = {
  paging: false,
  search: false,
  toolbar: false,
  sorting: false,
  draggable: false,
};

/** What happened with one invitation lately: mail, portal visits, Macs. */
export const InvitationActivityCard = (props: { invitationId: string }) => {
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const columns = useMemo(() => invitationEventColumns(t), [t]);
  const { value, loading, error } = useAsync(
    () => api.listEvents({ invitationId: props.invitationId, limit: LATEST }),
    [api, props.invitationId],
  );

  const subheader =
    value && value.totalCount > value.items.length
      ? t('invitation.activity.latest', {
          shown: String(value.items.length),
          total: String(value.totalCount),
        })
      : undefined;

  return (
    <InfoCard title={t('invitation.activity.title')} subheader={subheader}>
      <LoadedItems
        loading={loading}
        error={error}
        items={value?.items}
        empty={
          <Typography color="textSecondary">
            {t('invitation.activity.empty')}
          </Typography>
        }
      >
        {items => (
          <Table<EnrollmentEvent>
            columns={columns}
            data={items}
            options={TABLE_OPTIONS}
          />
        )}
      </LoadedItems>
    </InfoCard>
  );
};
