import { CreateInvitationRequest } from '@macenroll/plugin-enrollment-common';
import {
  DeviceRulesDraft,
  rulesDraftOf,
  rulesOf,
} from '../shared/DeviceRulesFields';
import { defaultExpiryDate, expiresAtOf } from './expiry';
import { parseRecipients } from './parseRecipients';
import { parseSerialNumbers } from './SerialNumbersField';

/** What the admin has entered so far in the new invitation dialog. */
export interface InvitationDraft {
  recipientsText: string;
  /** `YYYY-MM-DD`, as the date input holds it. */
  expiryDate: string;
  requireLogin: boolean;
  multipleUses: boolean;
  /** '' for no site. */
  siteId: string;
  keepExistingSite: boolean;
  subject: string;
  message: string;
  /** Pasted serial numbers; empty for any Mac. */
  serialNumbersText: string;
  rules: DeviceRulesDraft;
}

export const MAX_SUBJECT_LENGTH = 200;
export const MAX_MESSAGE_LENGTH = 5000;

export function newDraft(now: Date = new Date()): InvitationDraft {
  return {
    recipientsText: '',
    expiryDate: defaultExpiryDate(now),
    requireLogin: true,
    multipleUses: false,
    siteId: '',
    keepExistingSite: false,
    subject: '',
    message: '',
    serialNumbersText: '',
    rules: rulesDraftOf(),
  };
}

export function toRequest(draft: InvitationDraft): CreateInvitationRequest {
  const subject = draft.subject.trim();
  const message = draft.message.trim();
  const { serialNumbers } = parseSerialNumbers(draft.serialNumbersText);
  const deviceRules = rulesOf(draft.rules);
  return {
    recipients: parseRecipients(draft.recipientsText).valid,
    expiresAt: expiresAtOf(draft.expiryDate),
    requireLogin: draft.requireLogin,
    multipleUses: draft.multipleUses,
    ...(draft.siteId
      ? { siteId: draft.siteId, keepExistingSite: draft.keepExistingSite }
      : {}),
    ...(subject ? { subject } : {}),
    ...(message ? { message } : {}),
    ...(serialNumbers.length ? { serialNumbers } : {}),
    ...(deviceRules ? { deviceRules } : {}),
  };
}
