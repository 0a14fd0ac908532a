import { Route, Routes } from 'react-router-dom';
import {
  activityRouteRef,
  computerRouteRef,
  computersRouteRef,
  invitationRouteRef,
  portalAccountsRouteRef,
  settingsRouteRef,
} from '../../routes';
import { ActivityPage } from '../ActivityPage';
import { ComputerPage } from '../ComputerPage';
import { ComputersPage } from '../ComputersPage';
import { InvitationPage } from '../InvitationPage';
import { InvitationsPage } from '../InvitationsPage';
import { PortalAccountsPage } from '../PortalAccountsPage';
import { SettingsPage } from '../SettingsPage';

/**
 * The plugin's page, mounted by the app: the invitation list and, at the
 * paths of their route refs (routes.ts), one page per invitation, the
 * computers, one page per computer, the activity log, the portal accounts
 * and the settings.
 */
export const EnrollmentPage = () => (
  <Routes>
    <Route path="/" element={<InvitationsPage />} />
    <Route path={invitationRouteRef.path} element={<InvitationPage />} />
    <Route path={computersRouteRef.path} element={<ComputersPage />} />
    <Route path={computerRouteRef.path} element={<ComputerPage />} />
    <Route path={activityRouteRef.path} element={<ActivityPage />} />
    <Route
      path={portalAccountsRouteRef.path}
      element={<PortalAccountsPage />}
    />
    <Route path={settingsRouteRef.path} element={<SettingsPage />} />
  </Routes>
);
