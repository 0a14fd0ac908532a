import { effectiveStatus, storedStatus, StatusFacts } from './invitationStatus';

const base: StatusFacts = {
  cancelled: false,
  multipleUses: false,
  timesUsed: 0,
  pending: 0,
  sent: 0,
  failed: 0,
};

describe('invitation status', () => {
  it.each([
    [{ pending: 3 }, 'pending'],
    [{ pending: 1, sent: 2 }, 'pending'],
    [{ sent: 3 }, 'sent'],
    [{}, 'sent'],
    [{ sent: 2, failed: 1 }, 'partially-sent'],
    [{ failed: 2 }, 'failed'],
    [{ sent: 1, timesUsed: 1 }, 'used'],
    [{ sent: 1, timesUsed: 4, multipleUses: true }, 'sent'],
    [{ sent: 1, timesUsed: 1, cancelled: true }, 'cancelled'],
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
