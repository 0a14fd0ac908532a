export { PortalAccountsPage } from './PortalAccountsPage';
