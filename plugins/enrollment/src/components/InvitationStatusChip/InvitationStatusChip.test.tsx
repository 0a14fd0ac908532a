import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { InvitationStatusChip } from './InvitationStatusChip';

describe('InvitationStatusChip', () => {
  it.each([
    ['pending', 'Pending'],
    ['sent', 'Sent'],
    ['active', 'Active'],
    ['partially-sent', 'Partially sent'],
    ['failed', 'Failed'],
    ['used', 'Used'],
    ['expired', 'Expired'],
    ['cancelled', 'Cancelled'],
  ] as const)('labels %s as %s', async (status, label) => {
    await renderInTestApp(<InvitationStatusChip status={status} />);
    expect(screen.getByText(label)).toBeInTheDocument();
  });
});
