import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  ENROLLMENT_COMPUTER_RESOURCE_TYPE,
  ENROLLMENT_INVITATION_RESOURCE_TYPE,
  computerReadPermission,
  enrollmentPermissions,
  invitationReadPermission,
} from './permissions';

describe('enrollment permissions', () => {
  it('have unique names in the enrollment namespace', () => {
    const names = enrollmentPermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^enrollment\.[a-z-]+\.[a-z]+$/);
    }
  });

  it('cover the admin actions the plugin offers', () => {
    expect(enrollmentPermissions.map(p => p.name).sort()).toEqual([
      'enrollment.computer.command',
      'enrollment.computer.read',
      'enrollment.event.read',
      'enrollment.invitation.create',
      'enrollment.invitation.delete',
      'enrollment.invitation.read',
      'enrollment.invitation.update',
      'enrollment.portal-account.manage',
      'enrollment.settings.read',
      'enrollment.settings.update',
    ]);
  });

  it('make reads of invitations and computers conditional by resource type', () => {
    expect(
      isResourcePermission(
        invitationReadPermission,
        ENROLLMENT_INVITATION_RESOURCE_TYPE,
      ),
    ).toBe(true);
    expect(
      isResourcePermission(
        computerReadPermission,
        ENROLLMENT_COMPUTER_RESOURCE_TYPE,
      ),
    ).toBe(true);
  });
});
