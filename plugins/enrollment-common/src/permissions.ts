import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of permissions that can be limited to a site by a
 * conditional policy decision (for example "only invitations of site X").
 *
 * @public
 */
export const ENROLLMENT_INVITATION_RESOURCE_TYPE = 'enrollment-invitation';

/**
 * The resource type of enrolled computers, for conditional decisions.
 *
 * @public
 */
export const ENROLLMENT_COMPUTER_RESOURCE_TYPE = 'enrollment-computer';

/**
 * Create and send enrollment invitations.
 *
 * @public
 */
export const invitationCreatePermission = createPermission({
  name: 'enrollment.invitation.create',
  attributes: { action: 'create' },
});

/**
 * List and view enrollment invitations.
 *
 * @public
 */
export const invitationReadPermission = createPermission({
  name: 'enrollment.invitation.read',
  attributes: { action: 'read' },
  resourceType: ENROLLMENT_INVITATION_RESOURCE_TYPE,
});

/**
 * Cancel or resend an enrollment invitation.
 *
 * @public
 */
export const invitationUpdatePermission = createPermission({
  name: 'enrollment.invitation.update',
  attributes: { action: 'update' },
  resourceType: ENROLLMENT_INVITATION_RESOURCE_TYPE,
});

/**
 * Delete enrollment invitations.
 *
 * @public
 */
export const invitationDeletePermission = createPermission({
  name: 'enrollment.invitation.delete',
  attributes: { action: 'delete' },
  resourceType: ENROLLMENT_INVITATION_RESOURCE_TYPE,
});

/**
 * See the computers that enrolled, with their user and location fields.
 *
 * @public
 */
export const computerReadPermission = createPermission({
  name: 'enrollment.computer.read',
  attributes: { action: 'read' },
  resourceType: ENROLLMENT_COMPUTER_RESOURCE_TYPE,
});

/**
 * Send MDM commands to enrolled computers (update inventory, push, restart,
 * lock, remove from management).
 *
 * @public
 */
export const computerCommandPermission = createPermission({
  name: 'enrollment.computer.command',
  attributes: { action: 'update' },
  resourceType: ENROLLMENT_COMPUTER_RESOURCE_TYPE,
});

/**
 * List, add, disable and reset local portal accounts.
 *
 * @public
 */
export const portalAccountManagePermission = createPermission({
  name: 'enrollment.portal-account.manage',
  attributes: { action: 'update' },
});

/**
 * Read the enrollment settings (portal texts, toggles, sites).
 *
 * @public
 */
export const settingsReadPermission = createPermission({
  name: 'enrollment.settings.read',
  attributes: { action: 'read' },
});

/**
 * Change the enrollment settings and manage sites.
 *
 * @public
 */
export const settingsUpdatePermission = createPermission({
  name: 'enrollment.settings.update',
  attributes: { action: 'update' },
});

/**
 * Read the enrollment activity log: invitations sent and cancelled, portal
 * logins (never passwords), SCEP requests, check-ins and admin changes.
 *
 * @public
 */
export const eventReadPermission = createPermission({
  name: 'enrollment.event.read',
  attributes: { action: 'read' },
});

/**
 * Every permission of the enrollment plugins, for registration and policies.
 *
 * @public
 */
export const enrollmentPermissions = [
  invitationCreatePermission,
  invitationReadPermission,
  invitationUpdatePermission,
  invitationDeletePermission,
  computerReadPermission,
  computerCommandPermission,
  portalAccountManagePermission,
  settingsReadPermission,
  settingsUpdatePermission,
  eventReadPermission,
];
