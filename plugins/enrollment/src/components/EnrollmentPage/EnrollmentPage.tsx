import { Route, Routes } from 'react-router-dom';
import { InvitationPage } from '../InvitationPage';
import { InvitationsPage } from '../InvitationsPage';

/**
 * The plugin's page, mounted by the app: the invitation list, and one page
 * per invitation below it (see invitationRouteRef).
 */
export const EnrollmentPage = () => (
  <Routes>
    <Route path="/" element={<InvitationsPage />} />
    <Route path="/invitations/:id" element={<InvitationPage />} />
  </Routes>
);
