import { InfoCard, Table } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { EnrollmentEvent } from '@macenroll/plugin-enrollment-common';
import useAsync from 'react-use/esm/useAsync';
import { enrollmentApiRef } from '../../api';
import { INVITATION_EVENT_COLUMNS } from '../shared/eventColumns';
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
  const { value, loading, error } = useAsync(
    () => api.listEvents({ invitationId: props.invitationId, limit: LATEST }),
    [api, props.invitationId],
  );

  const subheader =
    value && value.totalCount > value.items.length
      ? `The latest ${value.items.length} of ${value.totalCount} events`
      : undefined;

  return (
    <InfoCard title="Activity" subheader={subheader}>
      <LoadedItems
        loading={loading}
        error={error}
        items={value?.items}
        empty={
          <Typography color="textSecondary">
            Nothing happened with this invitation yet.
          </Typography>
        }
      >
        {items => (
          <Table<EnrollmentEvent>
            columns={INVITATION_EVENT_COLUMNS}
            data={items}
            options={TABLE_OPTIONS}
          />
        )}
      </LoadedItems>
    </InfoCard>
  );
};
