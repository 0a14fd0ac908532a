import {
  Content,
  ContentHeader,
  SupportButton,
} from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import AddIcon from '@material-ui/icons/Add';
import { invitationCreatePermission } from '@macenroll/plugin-enrollment-common';
import { useState } from 'react';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { enrollmentTranslationRef } from '../../translation';
import { CaCard } from '../CaCard';
import { EnrollmentLayout } from '../EnrollmentLayout';
import { NewInvitationDialog } from '../NewInvitationDialog';
import { InvitationsTable } from './InvitationsTable';

/** The admin's start page: the invitations, and the CA behind enrollment. */
export const InvitationsPage = () => {
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const { allowed: canCreate } = usePermission({
    permission: invitationCreatePermission,
  });
  const [creating, setCreating] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);

  const closeDialog = (created: boolean) => {
    setCreating(false);
    if (created) setReloadKey(key => key + 1);
  };

  return (
    <EnrollmentLayout section="invitations">
      <Content>
        <ContentHeader title={t('invitations.title')}>
          {canCreate && (
            <Button
              variant="contained"
              color="primary"
              startIcon={<AddIcon />}
              onClick={() => setCreating(true)}
            >
              {t('invitations.newInvitation')}
            </Button>
          )}
          <SupportButton>{t('invitations.support')}</SupportButton>
        </ContentHeader>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <InvitationsTable reloadKey={reloadKey} />
          </Grid>
          <Grid item xs={12} md={6}>
            <CaCard />
          </Grid>
        </Grid>
      </Content>
      {creating && <NewInvitationDialog open onClose={closeDialog} />}
    </EnrollmentLayout>
  );
};
