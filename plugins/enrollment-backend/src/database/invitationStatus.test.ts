import { effectiveStatus, storedStatus, StatusFacts } from './invitationStatus';

const base: StatusFacts = {
  cancelled: false,
  multipleUses: false,
  linkUsed: false,
  recipientCount: 0,
  recipientLinks: 0,
  recipientLinksUsed: 0,
  pending: 0,
  sent: 0,
  failed: 0,
};

describe('invitation status', () => {
  it.each([
    [{ recipientCount: 3, pending: 3 }, 'pending'],
    [{ recipientCount: 3, pending: 1, sent: 2 }, 'pending'],
    [{ recipientCount: 3, sent: 3 }, 'sent'],
    [{}, 'active'],
    [{ linkUsed: true }, 'used'],
    [{ linkUsed: true, multipleUses: true }, 'active'],
    [{ recipientCount: 3, sent: 2, failed: 1 }, 'partially-sent'],
    [{ recipientCount: 2, failed: 2 }, 'failed'],
    // Each recipient's own link enrolls one Mac; the admin's copy of the
    // invitation's link does not use theirs up.
    [{ recipientCount: 2, recipientLinks: 2, sent: 2, linkUsed: true }, 'sent'],
    [
      { recipientCount: 2, recipientLinks: 2, recipientLinksUsed: 1, sent: 2 },
      'sent',
    ],
    [
      { recipientCount: 2, recipientLinks: 2, recipientLinksUsed: 2, sent: 2 },
      'used',
    ],
    // Recipients from before per-recipient links share the invitation's link.
    [{ recipientCount: 1, sent: 1, linkUsed: true }, 'used'],
    [
      {
        recipientCount: 2,
        recipientLinks: 2,
        recipientLinksUsed: 2,
        multipleUses: true,
        sent: 2,
      },
      'sent',
    ],
    [
      { recipientCount: 1, sent: 1, linkUsed: true, cancelled: true },
      'cancelled',
    ],
  ] as const)('%j is %s', (facts, expected) => {
    expect(storedStatus({ ...base, ...facts })).toBe(expected);
  });

  it('expires live invitations at their date, but not cancelled or used ones', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    const past = new Date('2026-11-24T11:59:59Z');
    const future = new Date('2026-11-24T12:00:01Z');
    expect(effectiveStatus('sent', past, now)).toBe('expired');
    expect(effectiveStatus('pending', now, now)).toBe('expired');
    expect(effectiveStatus('sent', future, now)).toBe('sent');
    expect(effectiveStatus('cancelled', past, now)).toBe('cancelled');
    expect(effectiveStatus('used', past, now)).toBe('used');
  });
});
