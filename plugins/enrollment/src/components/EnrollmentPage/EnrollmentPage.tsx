import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  SupportButton,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { CaCard } from './CaCard';

/** The admin's page: enrollment invitations and the CA behind them. */
export const EnrollmentPage = () => (
  <Page themeId="tool">
    <Header
      title="Enrollment"
      subtitle="Invite people to enroll their Macs into device management"
    />
    <Content>
      <ContentHeader title="Enrollment Invitations">
        <SupportButton>
          Send enrollment invitations and see which computers enrolled with each
          one.
        </SupportButton>
      </ContentHeader>
      <Grid container spacing={3}>
        <Grid item xs={12} md={8}>
          <EmptyState
            missing="data"
            title="No enrollment invitations yet"
            description="Invitations you send appear here with their status and the computers enrolled with them."
          />
        </Grid>
        <Grid item xs={12} md={4}>
          <CaCard />
        </Grid>
      </Grid>
    </Content>
  </Page>
);
