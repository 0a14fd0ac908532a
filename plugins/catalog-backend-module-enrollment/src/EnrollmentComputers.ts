import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  Computer,
  toComputersQueryString,
} from '@macenroll/plugin-enrollment-common';

const PAGE_SIZE = 100;

/** The enrollment backend's admin API, as the catalog module reads it. */
export class EnrollmentComputers {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
  ) {}

  /** Every enrolled computer, page by page, each once. */
  async listEnrolled(): Promise<Computer[]> {
    const byId = new Map<string, Computer>();
    for (let offset = 0; ; ) {
      const query = toComputersQueryString({
        status: 'enrolled',
        offset,
        limit: PAGE_SIZE,
      });
      const res = await this.request(`/computers${query}`);
      if (!res.ok) throw await ResponseError.fromResponse(res);
      const page = (await res.json()) as {
        items: Computer[];
        totalCount: number;
      };
      // A Mac enrolling meanwhile shifts the pages (newest first): one seen
      // twice is kept once, and one missed arrives as an event.
      for (const computer of page.items) byId.set(computer.id, computer);
      offset += page.items.length;
      if (page.items.length === 0 || offset >= page.totalCount) break;
    }
    return [...byId.values()];
  }

  /** One computer as it is now; undefined once it no longer exists. */
  async get(id: string): Promise<Computer | undefined> {
    const res = await this.request(`/computers/${encodeURIComponent(id)}`);
    if (res.status === 404) return undefined;
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return (await res.json()) as Computer;
  }

  private async request(path: string): Promise<Response> {
    const baseUrl = await this.discovery.getBaseUrl('enrollment');
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: 'enrollment',
    });
    return fetch(`${baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
  }
}
