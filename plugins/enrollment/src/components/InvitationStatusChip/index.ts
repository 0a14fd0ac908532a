export {
  InvitationStatusChip,
  invitationStatusLabel,
} from './InvitationStatusChip';
