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
    const baseUrl = await this.discovery.getBaseUrl('enrollment');
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: 'enrollment',
    });
    const byId = new Map<string, Computer>();
    for (let offset = 0; ; ) {
      const query = toComputersQueryString({
        status: 'enrolled',
        offset,
        limit: PAGE_SIZE,
      });
      const res = await fetch(`${baseUrl}/computers${query}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
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
}
