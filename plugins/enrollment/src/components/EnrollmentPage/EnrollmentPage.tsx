import { Route, Routes } from 'react-router-dom';
import { InvitationPage } from '../InvitationPage';
import { InvitationsPage } from '../InvitationsPage';
import { PortalAccountsPage } from '../PortalAccountsPage';
import { SettingsPage } from '../SettingsPage';

/**
 * The plugin's page, mounted by the app: the invitation list, one page per
 * invitation below it (see invitationRouteRef), the portal accounts and the
 * settings.
 */
export const EnrollmentPage = () => (
  <Routes>
    <Route path="/" element={<InvitationsPage />} />
    <Route path="/invitations/:id" element={<InvitationPage />} />
    <Route path="/accounts" element={<PortalAccountsPage />} />
    <Route path="/settings" element={<SettingsPage />} />
  </Routes>
);
