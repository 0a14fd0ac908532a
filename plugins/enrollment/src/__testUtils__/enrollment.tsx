import { ResponseError } from '@backstage/errors';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  AgentPackageSummary,
  Computer,
  ComputerDetails,
  DEFAULT_PORTAL_SETTINGS,
  EnrollmentEvent,
  Invitation,
  InvitationDetails,
  MdmCommand,
  PortalAccount,
  PortalSettings,
  ProfileSigningSummary,
  PushCertificateSummary,
  Site,
} from '@macenroll/plugin-enrollment-common';
import { Route, Routes } from 'react-router-dom';
import { EnrollmentApi, enrollmentApiRef } from '../api';
import { EnrollmentPage } from '../components/EnrollmentPage';
import { rootRouteRef } from '../routes';

export function invitation(overrides: Partial<Invitation> = {}): Invitation {
  return {
    id: 'inv-1',
    number: 7,
    status: 'sent',
    recipients: ['jane@example.com', 'bob@example.com'],
    recipientCount: 2,
    expiresAt: '2030-06-15T23:59:59.000Z',
    requireLogin: true,
    multipleUses: false,
    timesUsed: 0,
    enrolledComputers: 0,
    site: null,
    keepExistingSite: false,
    createdBy: 'user:default/alice',
    createdAt: '2030-06-01T09:00:00.000Z',
    delivery: { pending: 0, sent: 2, failed: 0 },
    serialAllowlistCount: 0,
    ...overrides,
  };
}

export function invitationDetails(
  overrides: Partial<InvitationDetails> = {},
): InvitationDetails {
  return {
    ...invitation(),
    recipientDetails: [
      {
        email: 'jane@example.com',
        state: 'sent',
        attempts: 1,
        sentAt: '2030-06-01T09:01:00.000Z',
        ownLink: true,
      },
      {
        email: 'bob@example.com',
        state: 'sent',
        attempts: 1,
        sentAt: '2030-06-01T09:01:00.000Z',
        ownLink: true,
      },
    ],
    ...overrides,
  };
}

export function computer(overrides: Partial<Computer> = {}): Computer {
  return {
    id: 'c-1',
    udid: 'UDID-1',
    serialNumber: 'C02XYZ123',
    name: "Jane's MacBook Pro",
    model: 'MacBook Pro (14-inch, 2023)',
    osVersion: '15.1',
    status: 'enrolled',
    enrolledAt: '2030-06-02T10:00:00.000Z',
    user: { realName: 'Jane Doe', username: 'jdoe', email: 'jane@example.com' },
    site: { id: 's-1', name: 'Paris' },
    invitationId: 'inv-1',
    ...overrides,
  };
}

export function computerDetails(
  overrides: Partial<ComputerDetails> = {},
): ComputerDetails {
  return {
    ...computer(),
    buildVersion: '24B83',
    productName: 'Mac14,9',
    lastSeenAt: '2030-06-05T08:30:00.000Z',
    push: { status: 'active', lastPushedAt: '2030-06-05T08:29:00.000Z' },
    identity: { serialNumber: '1A2B', notAfter: '2031-06-02T10:00:00.000Z' },
    ...overrides,
  };
}

export function mdmCommand(overrides: Partial<MdmCommand> = {}): MdmCommand {
  return {
    commandUuid: 'cmd-1',
    requestType: 'DeviceInformation',
    status: 'acknowledged',
    queuedAt: '2030-06-05T08:00:00.000Z',
    sentAt: '2030-06-05T08:00:05.000Z',
    answeredAt: '2030-06-05T08:00:06.000Z',
    ...overrides,
  };
}

export function pushCertificate(
  overrides: Partial<PushCertificateSummary> = {},
): PushCertificateSummary {
  return {
    configured: true,
    source: 'upload',
    topic: 'com.apple.mgmt.External.5d9c5e4a-0c7e-4b53-9d3e-2f9a1b7c6d10',
    subject: 'UID=com.apple.mgmt.External.5d9c5e4a, CN=APSP:5d9c5e4a',
    serialNumber: '7F3A',
    notAfter: '2031-03-01T12:00:00.000Z',
    expiresSoon: false,
    expired: false,
    ...overrides,
  };
}

export function profileSigning(
  overrides: Partial<ProfileSigningSummary> = {},
): ProfileSigningSummary {
  return {
    source: 'upload',
    subject: 'O=Acme, CN=Acme Profile Signer',
    issuer: 'C=US, O=Trusted Roots Inc, CN=Trusted S/MIME CA',
    notAfter: '2031-05-01T12:00:00.000Z',
    expired: false,
    chain: [
      'O=Acme, CN=Acme Profile Signer',
      'C=US, O=Trusted Roots Inc, CN=Trusted S/MIME CA',
    ],
    ...overrides,
  };
}

export function agentPackage(
  overrides: Partial<AgentPackageSummary> = {},
): AgentPackageSummary {
  return {
    configured: true,
    source: 'upload',
    fileName: 'AcmeAgent-2.1.pkg',
    title: 'Acme Agent',
    bundleId: 'com.acme.agent',
    bundleVersion: '2.1.0',
    sizeInBytes: 5_242_880,
    sha256: 'ab12cd34',
    signed: true,
    updatedAt: '2030-05-01T09:00:00.000Z',
    ...overrides,
  };
}

export function enrollmentEvent(
  overrides: Partial<EnrollmentEvent> = {},
): EnrollmentEvent {
  return {
    id: 'e-1',
    type: 'portal.enrollment-started',
    actor: 'jdoe',
    invitationId: 'inv-1',
    message: 'Started enrolling a Mac',
    createdAt: '2030-06-02T09:55:00.000Z',
    ...overrides,
  };
}

export function site(overrides: Partial<Site> = {}): Site {
  return {
    id: 's-1',
    name: 'Paris',
    createdAt: '2030-01-01T00:00:00.000Z',
    updatedAt: '2030-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** The default settings, with fresh nested objects so tests can't share them. */
export function portalSettings(
  overrides: Partial<PortalSettings> = {},
): PortalSettings {
  return {
    ...DEFAULT_PORTAL_SETTINGS,
    texts: { ...DEFAULT_PORTAL_SETTINGS.texts },
    eula: { ...DEFAULT_PORTAL_SETTINGS.eula },
    restrictToLdapGroups: [...DEFAULT_PORTAL_SETTINGS.restrictToLdapGroups],
    reenrollment: { ...DEFAULT_PORTAL_SETTINGS.reenrollment },
    ...overrides,
  };
}

export function portalAccount(
  overrides: Partial<PortalAccount> = {},
): PortalAccount {
  return {
    username: 'helpdesk',
    disabled: false,
    source: 'admin',
    mayReenrollAnyMac: false,
    createdAt: '2030-01-01T09:00:00.000Z',
    updatedAt: '2030-01-02T09:00:00.000Z',
    ...overrides,
  };
}

export function page<T>(items: T[], totalCount = items.length) {
  return { items, totalCount, offset: 0, limit: 25 };
}

/** An API whose every method is a jest.fn, answering "nothing" by default. */
export function mockEnrollmentApi(
  overrides: Partial<EnrollmentApi> = {},
): jest.Mocked<EnrollmentApi> {
  return {
    getCaSummary: jest.fn().mockResolvedValue({
      subject: 'O=Acme, CN=Acme Enrollment CA',
      serialNumber: '01',
      notBefore: '2026-01-01T00:00:00.000Z',
      notAfter: '2036-01-01T00:00:00.000Z',
      sha256Fingerprint: 'AB:CD',
    }),
    listInvitations: jest.fn().mockResolvedValue(page([])),
    getInvitation: jest.fn().mockResolvedValue(invitationDetails()),
    getInvitationLink: jest.fn().mockResolvedValue({
      url: 'http://localhost:7007/enroll?invitation=SHOWN-AGAIN',
    }),
    createInvitation: jest.fn(),
    cancelInvitation: jest.fn(),
    deleteInvitation: jest.fn(),
    resendInvitation: jest.fn(),
    listInvitationComputers: jest.fn().mockResolvedValue({ items: [] }),
    listComputers: jest.fn().mockResolvedValue(page([])),
    getComputer: jest.fn().mockResolvedValue(computerDetails()),
    listComputerCommands: jest.fn().mockResolvedValue({ items: [] }),
    queueComputerCommand: jest.fn(),
    pushComputer: jest.fn().mockResolvedValue(undefined),
    getEntityComputers: jest.fn().mockResolvedValue({ items: [] }),
    listEvents: jest.fn().mockResolvedValue(page([])),
    listSites: jest.fn().mockResolvedValue({ items: [] }),
    createSite: jest.fn(),
    renameSite: jest.fn(),
    deleteSite: jest.fn(),
    sendTestEmail: jest.fn(),
    getSettings: jest.fn().mockResolvedValue(portalSettings()),
    saveSettings: jest.fn().mockImplementation(async settings => settings),
    listPortalAccounts: jest.fn().mockResolvedValue({ items: [] }),
    createPortalAccount: jest.fn(),
    updatePortalAccount: jest.fn(),
    getPushCertificate: jest.fn().mockResolvedValue(pushCertificate()),
    uploadPushCertificate: jest.fn(),
    deleteUploadedPushCertificate: jest.fn().mockResolvedValue(undefined),
    getProfileSigning: jest.fn().mockResolvedValue(profileSigning()),
    uploadProfileSigning: jest.fn(),
    deleteProfileSigning: jest.fn().mockResolvedValue(undefined),
    getAgentPackage: jest.fn().mockResolvedValue(agentPackage()),
    uploadAgentPackage: jest.fn(),
    setAgentPackageUrl: jest.fn(),
    deleteAgentPackage: jest.fn().mockResolvedValue(undefined),
    ...overrides,
  } as jest.Mocked<EnrollmentApi>;
}

/** A ResponseError as the client throws it for a backend error answer. */
export async function responseError(
  status: number,
  statusText: string,
  message: string,
  name = 'InputError',
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      {
        status,
        statusText,
        headers: { 'content-type': 'application/json' },
      },
    ),
  );
}

/**
 * Renders the plugin page at `path` (below `/enrollment`, where the app
 * mounts it), with the given API; every permission is granted unless a
 * permission API says otherwise.
 */
export function renderEnrollment(
  path: string,
  api: EnrollmentApi,
  permissionApi: PermissionApi = mockApis.permission(),
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [enrollmentApiRef, api],
        [permissionApiRef, permissionApi],
      ]}
    >
      <Routes>
        <Route path="/enrollment/*" element={<EnrollmentPage />} />
      </Routes>
    </TestApiProvider>,
    {
      mountedRoutes: { '/enrollment': rootRouteRef },
      routeEntries: [`/enrollment${path}`],
    },
  );
}
