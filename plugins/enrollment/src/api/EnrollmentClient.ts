import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AgentPackageSummary,
  AgentPackageUrlRequest,
  Computer,
  ComputerDetails,
  CreateInvitationRequest,
  CreatePortalAccountRequest,
  CreatedInvitation,
  EnrollmentEvent,
  EntityComputers,
  Invitation,
  InvitationDetails,
  InvitationLink,
  ListComputersQuery,
  ListEventsQuery,
  ListInvitationsQuery,
  MdmCommand,
  PageOf,
  PortalAccount,
  PortalSettings,
  ProfileSigningSummary,
  ProfileSigningUpload,
  PushCertificateSummary,
  PushCertificateUpload,
  QueueCommandRequest,
  ResendInvitationRequest,
  Site,
  DeviceRules,
  SiteRequest,
  TestMailRequest,
  toComputersQueryString,
  toEventsQueryString,
  toInvitationsQueryString,
  toQueryString,
} from '@macenroll/plugin-enrollment-common';
import { CaSummary, EnrollmentApi, PortalAccountChange } from './EnrollmentApi';

/**
 * Talks to the enrollment backend with the signed-in user's credentials.
 *
 * @public
 */
export class EnrollmentClient implements EnrollmentApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getCaSummary(): Promise<CaSummary> {
    return this.get<CaSummary>('/ca');
  }

  async listInvitations(
    query: ListInvitationsQuery,
  ): Promise<PageOf<Invitation>> {
    return this.get<PageOf<Invitation>>(
      `/invitations${toInvitationsQueryString(query)}`,
    );
  }

  async getInvitation(id: string): Promise<InvitationDetails> {
    return this.get<InvitationDetails>(
      `/invitations/${encodeURIComponent(id)}`,
    );
  }

  async getInvitationLink(
    id: string,
    recipient?: string,
  ): Promise<InvitationLink> {
    return this.get<InvitationLink>(
      `/invitations/${encodeURIComponent(id)}/link${toQueryString({
        recipient,
      })}`,
    );
  }

  async createInvitation(
    request: CreateInvitationRequest,
  ): Promise<CreatedInvitation> {
    return this.send<CreatedInvitation>('POST', '/invitations', request);
  }

  async cancelInvitation(id: string): Promise<InvitationDetails> {
    return this.send<InvitationDetails>(
      'POST',
      `/invitations/${encodeURIComponent(id)}/cancel`,
      {},
    );
  }

  async deleteInvitation(id: string): Promise<void> {
    await this.request('DELETE', `/invitations/${encodeURIComponent(id)}`);
  }

  async resendInvitation(
    id: string,
    recipients?: string[],
  ): Promise<InvitationDetails> {
    return this.send<InvitationDetails>(
      'POST',
      `/invitations/${encodeURIComponent(id)}/resend`,
      (recipients ? { recipients } : {}) satisfies ResendInvitationRequest,
    );
  }

  async listInvitationComputers(id: string): Promise<{ items: Computer[] }> {
    return this.get<{ items: Computer[] }>(
      `/invitations/${encodeURIComponent(id)}/computers`,
    );
  }

  async listComputers(query: ListComputersQuery): Promise<PageOf<Computer>> {
    return this.get<PageOf<Computer>>(
      `/computers${toComputersQueryString(query)}`,
    );
  }

  async getComputer(id: string): Promise<ComputerDetails> {
    return this.get<ComputerDetails>(`/computers/${encodeURIComponent(id)}`);
  }

  async listComputerCommands(id: string): Promise<{ items: MdmCommand[] }> {
    return this.get<{ items: MdmCommand[] }>(
      `/computers/${encodeURIComponent(id)}/commands`,
    );
  }

  async queueComputerCommand(
    id: string,
    request: QueueCommandRequest,
  ): Promise<MdmCommand> {
    return this.send<MdmCommand>(
      'POST',
      `/computers/${encodeURIComponent(id)}/commands`,
      request,
    );
  }

  async pushComputer(id: string): Promise<void> {
    await this.request('POST', `/computers/${encodeURIComponent(id)}/push`, {});
  }

  async getEntityComputers(entityRef: string): Promise<EntityComputers> {
    return this.get<EntityComputers>(
      `/entity-computers${toQueryString({ entityRef })}`,
    );
  }

  async getPushCertificate(): Promise<PushCertificateSummary> {
    return this.get<PushCertificateSummary>('/apns/certificate');
  }

  async uploadPushCertificate(
    upload: PushCertificateUpload,
  ): Promise<PushCertificateSummary> {
    return this.send<PushCertificateSummary>(
      'PUT',
      '/apns/certificate',
      upload,
    );
  }

  async deleteUploadedPushCertificate(): Promise<void> {
    await this.request('DELETE', '/apns/certificate');
  }

  async getProfileSigning(): Promise<ProfileSigningSummary> {
    return this.get<ProfileSigningSummary>('/profile-signing');
  }

  async uploadProfileSigning(
    upload: ProfileSigningUpload,
  ): Promise<ProfileSigningSummary> {
    return this.send<ProfileSigningSummary>('PUT', '/profile-signing', upload);
  }

  async deleteProfileSigning(): Promise<void> {
    await this.request('DELETE', '/profile-signing');
  }

  async getAgentPackage(): Promise<AgentPackageSummary> {
    return this.get<AgentPackageSummary>('/agent/package');
  }

  async uploadAgentPackage(
    file: Blob | ArrayBuffer,
    fileName: string,
  ): Promise<AgentPackageSummary> {
    // The package goes as raw bytes, not JSON: it can be hundreds of megabytes.
    const response = await this.fetch(
      `/agent/package${toQueryString({ fileName })}`,
      {
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: file,
      },
    );
    return (await response.json()) as AgentPackageSummary;
  }

  async setAgentPackageUrl(url: string): Promise<AgentPackageSummary> {
    return this.send<AgentPackageSummary>('PUT', '/agent/url', {
      url,
    } satisfies AgentPackageUrlRequest);
  }

  async deleteAgentPackage(): Promise<void> {
    await this.request('DELETE', '/agent/package');
  }

  async listEvents(query: ListEventsQuery): Promise<PageOf<EnrollmentEvent>> {
    return this.get<PageOf<EnrollmentEvent>>(
      `/events${toEventsQueryString(query)}`,
    );
  }

  async listSites(): Promise<{ items: Site[] }> {
    return this.get<{ items: Site[] }>('/sites');
  }

  async createSite(name: string): Promise<Site> {
    return this.send<Site>('POST', '/sites', { name } satisfies SiteRequest);
  }

  async renameSite(
    id: string,
    name: string,
    deviceRules?: DeviceRules | null,
  ): Promise<Site> {
    return this.send<Site>('PATCH', `/sites/${encodeURIComponent(id)}`, {
      name,
      ...(deviceRules === undefined ? {} : { deviceRules }),
    } satisfies SiteRequest);
  }

  async deleteSite(id: string): Promise<void> {
    await this.request('DELETE', `/sites/${encodeURIComponent(id)}`);
  }

  async sendTestEmail(to: string): Promise<{ messageId: string }> {
    return this.send<{ messageId: string }>('POST', '/mail/test', {
      to,
    } satisfies TestMailRequest);
  }

  async getSettings(): Promise<PortalSettings> {
    return this.get<PortalSettings>('/settings');
  }

  async saveSettings(settings: PortalSettings): Promise<PortalSettings> {
    return this.send<PortalSettings>('PUT', '/settings', settings);
  }

  async listPortalAccounts(): Promise<{ items: PortalAccount[] }> {
    return this.get<{ items: PortalAccount[] }>('/portal-accounts');
  }

  async createPortalAccount(
    username: string,
    password: string,
    person: { realName?: string; email?: string } = {},
  ): Promise<PortalAccount> {
    return this.send<PortalAccount>('POST', '/portal-accounts', {
      username,
      password,
      ...(person.realName ? { realName: person.realName } : {}),
      ...(person.email ? { email: person.email } : {}),
    } satisfies CreatePortalAccountRequest);
  }

  async updatePortalAccount(
    username: string,
    change: PortalAccountChange,
  ): Promise<PortalAccount> {
    return this.send<PortalAccount>(
      'PATCH',
      `/portal-accounts/${encodeURIComponent(username)}`,
      change,
    );
  }

  private async get<T>(path: string): Promise<T> {
    const response = await this.request('GET', path);
    return (await response.json()) as T;
  }

  private async send<T>(
    method: 'POST' | 'PUT' | 'PATCH',
    path: string,
    body: unknown,
  ): Promise<T> {
    const response = await this.request(method, path, body);
    return (await response.json()) as T;
  }

  private async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<Response> {
    if (method === 'GET') return this.fetch(path);
    return this.fetch(path, {
      method,
      ...(body === undefined
        ? {}
        : {
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          }),
    });
  }

  private async fetch(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('enrollment');
    const url = `${baseUrl}${path}`;
    const response = init
      ? await this.fetchApi.fetch(url, init)
      : await this.fetchApi.fetch(url);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
