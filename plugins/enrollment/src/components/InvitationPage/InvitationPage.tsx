import {
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { usePermission } from '@backstage/plugin-permission-react';
import Grid from '@material-ui/core/Grid';
import {
  eventReadPermission,
  invitationCreatePermission,
  invitationDeletePermission,
  InvitationDetails,
  invitationUpdatePermission,
} from '@macenroll/plugin-enrollment-common';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { enrollmentApiRef } from '../../api';
import { useRefreshingAsync } from '../../hooks/useRefreshingAsync';
import { rootRouteRef } from '../../routes';
import { enrollmentTranslationRef } from '../../translation';
import { EnrolledComputersCard } from '../EnrolledComputersCard';
import { summarizeRecipients } from '../../utils/format';
import { CancelInvitationButton } from './CancelInvitationButton';
import { DeleteInvitationButton } from './DeleteInvitationButton';
import { InvitationActivityCard } from './InvitationActivityCard';
import { InvitationDetailsCard } from './InvitationDetailsCard';
import { isOpen } from './invitationState';
import { RecipientsCard } from './RecipientsCard';
import { ShowLinkButton } from './ShowLinkButton';
import { LoadError } from '../shared/LoadError';

/**
 * One invitation: its details, its recipients' mail, its computers and,
 * for those who may read the activity log, what happened with it.
 */
export const InvitationPage = () => {
  const { id = '' } = useParams();
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const listLink = useRouteRef(rootRouteRef)();
  const { allowed: canUpdate } = usePermission({
    permission: invitationUpdatePermission,
    resourceRef: id,
  });
  const { allowed: canDelete } = usePermission({
    permission: invitationDeletePermission,
    resourceRef: id,
  });
  const navigate = useNavigate();
  const { allowed: canReadEvents } = usePermission({
    permission: eventReadPermission,
  });
  const { allowed: canCreate } = usePermission({
    permission: invitationCreatePermission,
  });
  // While mail is on its way the page follows it by itself.
  const { value, loading, error, refresh } = useRefreshingAsync(
    () => api.getInvitation(id),
    [api, id],
    loaded => loaded.status === 'pending',
  );
  // What cancel and resend answered replaces what was loaded, until the
  // next load.
  const [updated, setUpdated] = useState<InvitationDetails>();
  useEffect(() => setUpdated(undefined), [value]);
  const invitation = updated?.id === id ? updated : value;

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error || !invitation) {
    content = (
      <LoadError
        error={error ?? new Error(t('invitation.notLoaded'))}
        onRetry={refresh}
      />
    );
  } else {
    content = (
      <Grid container spacing={3}>
        {/* Side by side only where both fit without breaking a word. */}
        <Grid item xs={12} xl={4}>
          <InvitationDetailsCard invitation={invitation} />
        </Grid>
        <Grid item xs={12} xl={8}>
          <RecipientsCard
            invitation={invitation}
            canResend={canUpdate && isOpen(invitation.status)}
            canShowLinks={canCreate && isOpen(invitation.status)}
            onUpdated={setUpdated}
          />
        </Grid>
        <Grid item xs={12}>
          <EnrolledComputersCard
            invitationId={invitation.id}
            onChanged={refresh}
          />
        </Grid>
        {canReadEvents && (
          <Grid item xs={12}>
            <InvitationActivityCard invitationId={invitation.id} />
          </Grid>
        )}
      </Grid>
    );
  }

  let title: string = t('invitation.title');
  const number = String(invitation?.number ?? '');
  if (invitation?.recipientCount === 0) {
    title = t('invitation.titleLinkOnly', { number });
  } else if (invitation) {
    title = t('invitation.titleTo', {
      number,
      recipients: summarizeRecipients(
        invitation.recipients,
        invitation.recipientCount,
        t,
      ),
    });
  }

  return (
    <Page themeId="tool">
      <Header
        title={
          invitation
            ? t('invitation.headerTitleNumber', { number })
            : t('invitation.headerTitle')
        }
        type={t('invitation.headerType')}
        typeLink={listLink}
      />
      <Content>
        <ContentHeader title={title}>
          {canCreate && invitation && isOpen(invitation.status) && (
            <ShowLinkButton invitationId={invitation.id} />
          )}
          {canUpdate && invitation && isOpen(invitation.status) && (
            <CancelInvitationButton
              invitationId={invitation.id}
              onCancelled={setUpdated}
            />
          )}
          {canDelete && invitation && (
            <DeleteInvitationButton
              invitationId={invitation.id}
              onDeleted={() => navigate(listLink)}
            />
          )}
        </ContentHeader>
        {content}
      </Content>
    </Page>
  );
};
