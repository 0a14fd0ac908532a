import { Route, Routes } from 'react-router-dom';
import { ActivityPage } from '../ActivityPage';
import { ComputerPage } from '../ComputerPage';
import { ComputersPage } from '../ComputersPage';
import { InvitationPage } from '../InvitationPage';
import { InvitationsPage } from '../InvitationsPage';
import { PortalAccountsPage } from '../PortalAccountsPage';
import { SettingsPage } from '../SettingsPage';

/**
 * The plugin's page, mounted by the app: the invitation list, one page per
 * invitation below it (see invitationRouteRef), the computers, one page per
 * computer (see computerRouteRef), the activity log, the portal accounts and
 * the settings.
 */
export const EnrollmentPage = () => (
  <Routes>
    <Route path="/" element={<InvitationsPage />} />
    <Route path="/invitations/:id" element={<InvitationPage />} />
    <Route path="/computers" element={<ComputersPage />} />
    <Route path="/computers/:id" element={<ComputerPage />} />
    <Route path="/activity" element={<ActivityPage />} />
    <Route path="/accounts" element={<PortalAccountsPage />} />
    <Route path="/settings" element={<SettingsPage />} />
  </Routes>
);
