export { NewInvitationDialog } from './NewInvitationDialog';
