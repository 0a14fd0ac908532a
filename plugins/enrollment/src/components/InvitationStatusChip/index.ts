export {
  InvitationStatusChip,
  INVITATION_STATUS_LABELS,
} from './InvitationStatusChip';
