import { DEFAULT_PORTAL_SETTINGS } from '@macenroll/plugin-enrollment-common';
import { EnrollmentClient } from './EnrollmentClient';

const BASE = 'http://backend/api/enrollment';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function errorResponse(status: number, statusText: string, message: string) {
  return new Response(
    JSON.stringify({
      error: { name: 'InputError', message },
      response: { statusCode: status },
    }),
    { status, statusText, headers: { 'content-type': 'application/json' } },
  );
}

describe('EnrollmentClient', () => {
  const discoveryApi = {
    getBaseUrl: jest.fn().mockResolvedValue(BASE),
  };

  function clientAnswering(...responses: Response[]) {
    const fetch = jest.fn();
    for (const response of responses) fetch.mockResolvedValueOnce(response);
    return {
      fetch,
      client: new EnrollmentClient({ discoveryApi, fetchApi: { fetch } }),
    };
  }

  /** The request the client made, with its parsed JSON body. */
  function sent(fetch: jest.Mock, call = 0) {
    const [url, init] = fetch.mock.calls[call] as [string, RequestInit?];
    return {
      url,
      method: init?.method ?? 'GET',
      contentType: (init?.headers as Record<string, string> | undefined)?.[
        'Content-Type'
      ],
      body:
        init?.body === undefined ? undefined : JSON.parse(String(init.body)),
    };
  }

  it('reads the CA summary from the backend', async () => {
    const { fetch, client } = clientAnswering(json({ subject: 'O=Acme' }));
    await expect(client.getCaSummary()).resolves.toEqual({ subject: 'O=Acme' });
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('enrollment');
    expect(fetch).toHaveBeenCalledWith(`${BASE}/ca`);
  });

  it('throws a ResponseError carrying the backend message', async () => {
    const fetch = jest.fn().mockResolvedValue(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotAllowedError',
            message: 'needs enrollment.settings.read',
          },
          response: { statusCode: 403 },
        }),
        {
          status: 403,
          statusText: 'Forbidden',
          headers: { 'content-type': 'application/json' },
        },
      ),
    );
    const client = new EnrollmentClient({ discoveryApi, fetchApi: { fetch } });
    await expect(client.getCaSummary()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      body: { error: { message: 'needs enrollment.settings.read' } },
    });
  });

  describe('listInvitations', () => {
    const page = { items: [], totalCount: 0, offset: 0, limit: 25 };

    it('puts every given parameter in the query, statuses comma-separated', async () => {
      const { fetch, client } = clientAnswering(json(page));
      await expect(
        client.listInvitations({
          offset: 50,
          limit: 25,
          orderBy: 'expiresAt',
          order: 'asc',
          status: ['sent', 'partially-sent'],
          siteId: 'site 1',
          search: 'jane+mac@example.com',
        }),
      ).resolves.toEqual(page);

      const { url, method } = sent(fetch);
      expect(method).toBe('GET');
      expect(url.startsWith(`${BASE}/invitations?`)).toBe(true);
      const params = new URL(url).searchParams;
      expect(Object.fromEntries(params)).toEqual({
        offset: '50',
        limit: '25',
        orderBy: 'expiresAt',
        order: 'asc',
        status: 'sent,partially-sent',
        siteId: 'site 1',
        search: 'jane+mac@example.com',
      });
      // The + must be encoded, or the backend would read a space.
      expect(url).toContain('search=jane%2Bmac%40example.com');
    });

    it('leaves out absent, empty and zero-length parameters', async () => {
      const { fetch, client } = clientAnswering(json(page), json(page));
      await client.listInvitations({});
      await client.listInvitations({ offset: 0, status: [], search: '' });
      expect(sent(fetch, 0).url).toBe(`${BASE}/invitations`);
      expect(sent(fetch, 1).url).toBe(`${BASE}/invitations?offset=0`);
    });
  });

  it('lists computers with their query', async () => {
    const page = { items: [], totalCount: 0, offset: 0, limit: 10 };
    const { fetch, client } = clientAnswering(json(page));
    await client.listComputers({ limit: 10, siteId: 's1', search: 'C02' });
    expect(sent(fetch).url).toBe(
      `${BASE}/computers?limit=10&siteId=s1&search=C02`,
    );
  });

  describe('listEvents', () => {
    const page = { items: [], totalCount: 0, offset: 0, limit: 20 };

    it('puts every given parameter in the query', async () => {
      const { fetch, client } = clientAnswering(json(page));
      await expect(
        client.listEvents({
          offset: 40,
          limit: 20,
          category: 'portal',
          invitationId: 'inv/1',
          computerId: 'c-1',
          search: 'login failed',
        }),
      ).resolves.toEqual(page);
      const { url, method } = sent(fetch);
      expect(method).toBe('GET');
      expect(url.startsWith(`${BASE}/events?`)).toBe(true);
      expect(Object.fromEntries(new URL(url).searchParams)).toEqual({
        offset: '40',
        limit: '20',
        category: 'portal',
        invitationId: 'inv/1',
        computerId: 'c-1',
        search: 'login failed',
      });
    });

    it('leaves out absent and empty parameters', async () => {
      const { fetch, client } = clientAnswering(json(page), json(page));
      await client.listEvents({});
      await client.listEvents({ invitationId: 'inv-1', limit: 20, search: '' });
      expect(sent(fetch, 0).url).toBe(`${BASE}/events`);
      expect(sent(fetch, 1).url).toBe(
        `${BASE}/events?limit=20&invitationId=inv-1`,
      );
    });
  });

  it('creates an invitation by POSTing the request as JSON', async () => {
    const created = { id: 'inv1', url: 'http://backend/enroll?invitation=X' };
    const { fetch, client } = clientAnswering(json(created, 201));
    const request = {
      recipients: ['a@example.com'],
      expiresAt: '2026-12-08T23:59:59.000Z',
      requireLogin: true,
      multipleUses: false,
    };
    await expect(client.createInvitation(request)).resolves.toEqual(created);
    expect(sent(fetch)).toEqual({
      url: `${BASE}/invitations`,
      method: 'POST',
      contentType: 'application/json',
      body: request,
    });
  });

  it('encodes the invitation id in every invitation path', async () => {
    const { fetch, client } = clientAnswering(
      json({ id: 'a/b' }),
      json({ id: 'a/b' }),
      json({ items: [] }),
      new Response(null, { status: 204 }),
    );
    await client.getInvitation('a/b?c');
    await client.cancelInvitation('a/b?c');
    await client.listInvitationComputers('a/b?c');
    await expect(client.deleteInvitation('a/b?c')).resolves.toBeUndefined();
    expect(sent(fetch, 0).url).toBe(`${BASE}/invitations/a%2Fb%3Fc`);
    expect(sent(fetch, 1)).toEqual({
      url: `${BASE}/invitations/a%2Fb%3Fc/cancel`,
      method: 'POST',
      contentType: 'application/json',
      body: {},
    });
    expect(sent(fetch, 2).url).toBe(`${BASE}/invitations/a%2Fb%3Fc/computers`);
    expect(sent(fetch, 3)).toMatchObject({
      url: `${BASE}/invitations/a%2Fb%3Fc`,
      method: 'DELETE',
    });
  });

  it('resends to the given recipients, or to the failed ones with an empty body', async () => {
    const { fetch, client } = clientAnswering(
      json({ id: 'i' }),
      json({ id: 'i' }),
    );
    await client.resendInvitation('i', ['a@example.com', 'b@example.com']);
    await client.resendInvitation('i');
    expect(sent(fetch, 0)).toMatchObject({
      url: `${BASE}/invitations/i/resend`,
      method: 'POST',
      body: { recipients: ['a@example.com', 'b@example.com'] },
    });
    expect(sent(fetch, 1)).toMatchObject({
      url: `${BASE}/invitations/i/resend`,
      method: 'POST',
      body: {},
    });
  });

  it('manages sites, and takes a 204 without a body as success', async () => {
    const site = { id: 's/1', name: 'Paris' };
    const { fetch, client } = clientAnswering(
      json({ items: [site] }),
      json(site, 201),
      json({ ...site, name: 'Lyon' }),
      new Response(null, { status: 204 }),
    );
    await expect(client.listSites()).resolves.toEqual({ items: [site] });
    await expect(client.createSite('Paris')).resolves.toEqual(site);
    await expect(client.renameSite('s/1', 'Lyon')).resolves.toMatchObject({
      name: 'Lyon',
    });
    await expect(client.deleteSite('s/1')).resolves.toBeUndefined();

    expect(sent(fetch, 0)).toMatchObject({
      url: `${BASE}/sites`,
      method: 'GET',
    });
    expect(sent(fetch, 1)).toEqual({
      url: `${BASE}/sites`,
      method: 'POST',
      contentType: 'application/json',
      body: { name: 'Paris' },
    });
    expect(sent(fetch, 2)).toEqual({
      url: `${BASE}/sites/s%2F1`,
      method: 'PATCH',
      contentType: 'application/json',
      body: { name: 'Lyon' },
    });
    expect(sent(fetch, 3)).toMatchObject({
      url: `${BASE}/sites/s%2F1`,
      method: 'DELETE',
      body: undefined,
    });
  });

  it('sends a test email', async () => {
    const { fetch, client } = clientAnswering(json({ messageId: '<m@x>' }));
    await expect(client.sendTestEmail('it@example.com')).resolves.toEqual({
      messageId: '<m@x>',
    });
    expect(sent(fetch)).toEqual({
      url: `${BASE}/mail/test`,
      method: 'POST',
      contentType: 'application/json',
      body: { to: 'it@example.com' },
    });
  });

  it('reads the settings and saves them whole with PUT', async () => {
    const changed = {
      ...DEFAULT_PORTAL_SETTINGS,
      organizationName: 'Acme',
      restrictToLdapGroups: ['mac-users'],
    };
    const { fetch, client } = clientAnswering(
      json(DEFAULT_PORTAL_SETTINGS),
      json(changed),
    );
    await expect(client.getSettings()).resolves.toEqual(
      DEFAULT_PORTAL_SETTINGS,
    );
    await expect(client.saveSettings(changed)).resolves.toEqual(changed);
    expect(sent(fetch, 0)).toMatchObject({
      url: `${BASE}/settings`,
      method: 'GET',
    });
    expect(sent(fetch, 1)).toEqual({
      url: `${BASE}/settings`,
      method: 'PUT',
      contentType: 'application/json',
      body: changed,
    });
  });

  it('lists, creates and changes portal accounts, encoding the username', async () => {
    const account = {
      username: 'it.desk@acme',
      disabled: false,
      source: 'admin',
      createdAt: '2030-01-01T00:00:00.000Z',
      updatedAt: '2030-01-01T00:00:00.000Z',
    };
    const { fetch, client } = clientAnswering(
      json({ items: [account] }),
      json(account, 201),
      json({ ...account, disabled: true }),
      json(account),
    );
    await expect(client.listPortalAccounts()).resolves.toEqual({
      items: [account],
    });
    await expect(
      client.createPortalAccount('it.desk@acme', 'correct horse battery'),
    ).resolves.toEqual(account);
    await expect(
      client.updatePortalAccount('a/b?c', { disabled: true }),
    ).resolves.toMatchObject({ disabled: true });
    await client.updatePortalAccount('it.desk@acme', {
      password: 'another long password',
    });

    expect(sent(fetch, 0)).toMatchObject({
      url: `${BASE}/portal-accounts`,
      method: 'GET',
    });
    expect(sent(fetch, 1)).toEqual({
      url: `${BASE}/portal-accounts`,
      method: 'POST',
      contentType: 'application/json',
      body: { username: 'it.desk@acme', password: 'correct horse battery' },
    });
    expect(sent(fetch, 2)).toEqual({
      url: `${BASE}/portal-accounts/a%2Fb%3Fc`,
      method: 'PATCH',
      contentType: 'application/json',
      body: { disabled: true },
    });
    expect(sent(fetch, 3)).toEqual({
      url: `${BASE}/portal-accounts/it.desk%40acme`,
      method: 'PATCH',
      contentType: 'application/json',
      body: { password: 'another long password' },
    });
  });

  describe('computer page', () => {
    it('reads one computer and its commands, encoding the id', async () => {
      const { fetch, client } = clientAnswering(
        json({ id: 'c/1', push: { status: 'active' } }),
        json({ items: [{ commandUuid: 'u1', status: 'queued' }] }),
      );
      await expect(client.getComputer('c/1?x')).resolves.toMatchObject({
        id: 'c/1',
      });
      await expect(client.listComputerCommands('c/1?x')).resolves.toEqual({
        items: [{ commandUuid: 'u1', status: 'queued' }],
      });
      expect(sent(fetch, 0)).toMatchObject({
        url: `${BASE}/computers/c%2F1%3Fx`,
        method: 'GET',
      });
      expect(sent(fetch, 1)).toMatchObject({
        url: `${BASE}/computers/c%2F1%3Fx/commands`,
        method: 'GET',
      });
    });

    it('queues a command by POSTing the request as JSON', async () => {
      const command = {
        commandUuid: 'u2',
        requestType: 'DeviceLock',
        status: 'queued',
        queuedAt: '2030-06-05T08:00:00.000Z',
      };
      const { fetch, client } = clientAnswering(json(command, 201));
      await expect(
        client.queueComputerCommand('c-1', {
          requestType: 'DeviceLock',
          pin: '123456',
          message: 'Call IT',
        }),
      ).resolves.toEqual(command);
      expect(sent(fetch)).toEqual({
        url: `${BASE}/computers/c-1/commands`,
        method: 'POST',
        contentType: 'application/json',
        body: { requestType: 'DeviceLock', pin: '123456', message: 'Call IT' },
      });
    });

    it('sends a blank push with an empty JSON body and takes the 202', async () => {
      const { fetch, client } = clientAnswering(json({}, 202));
      await expect(client.pushComputer('c/1')).resolves.toBeUndefined();
      expect(sent(fetch)).toEqual({
        url: `${BASE}/computers/c%2F1/push`,
        method: 'POST',
        contentType: 'application/json',
        body: {},
      });
    });
  });

  it("reads an entity's Macs with the ref encoded in the query", async () => {
    const { fetch, client } = clientAnswering(
      json({ items: [{ id: 'c-1' }] }),
      errorResponse(403, 'Forbidden', 'needs enrollment.computer.read'),
    );
    await expect(
      client.getEntityComputers('user:default/jane.doe'),
    ).resolves.toEqual({ items: [{ id: 'c-1' }] });
    expect(sent(fetch)).toMatchObject({
      url: `${BASE}/entity-computers?entityRef=user%3Adefault%2Fjane.doe`,
      method: 'GET',
    });
    await expect(
      client.getEntityComputers('user:default/bob'),
    ).rejects.toMatchObject({ name: 'ResponseError', statusCode: 403 });
  });

  it('reads, uploads and removes the profile signing certificate', async () => {
    const summary = { source: 'upload', subject: 'CN=Signer', chain: [] };
    const { fetch, client } = clientAnswering(
      json({ source: 'ca' }),
      json(summary),
      new Response(null, { status: 204 }),
    );
    await expect(client.getProfileSigning()).resolves.toEqual({
      source: 'ca',
    });
    await expect(
      client.uploadProfileSigning({ p12: 'AAEC', password: 'pw' }),
    ).resolves.toEqual(summary);
    await expect(client.deleteProfileSigning()).resolves.toBeUndefined();
    expect(sent(fetch, 0)).toMatchObject({
      url: `${BASE}/profile-signing`,
      method: 'GET',
    });
    expect(sent(fetch, 1)).toEqual({
      url: `${BASE}/profile-signing`,
      method: 'PUT',
      contentType: 'application/json',
      body: { p12: 'AAEC', password: 'pw' },
    });
    expect(sent(fetch, 2)).toMatchObject({
      url: `${BASE}/profile-signing`,
      method: 'DELETE',
    });
  });

  it('reads, uploads and removes the push certificate', async () => {
    const summary = { configured: true, source: 'upload', topic: 'com.x' };
    const { fetch, client } = clientAnswering(
      json({ configured: false }),
      json(summary),
      json(summary),
      new Response(null, { status: 204 }),
    );
    await expect(client.getPushCertificate()).resolves.toEqual({
      configured: false,
    });
    await expect(
      client.uploadPushCertificate({ p12Base64: 'AAEC', password: 'pw' }),
    ).resolves.toEqual(summary);
    await client.uploadPushCertificate({
      certificatePem: '-----BEGIN CERTIFICATE-----',
      privateKeyPem: '-----BEGIN PRIVATE KEY-----',
    });
    await expect(
      client.deleteUploadedPushCertificate(),
    ).resolves.toBeUndefined();

    expect(sent(fetch, 0)).toMatchObject({
      url: `${BASE}/apns/certificate`,
      method: 'GET',
    });
    expect(sent(fetch, 1)).toEqual({
      url: `${BASE}/apns/certificate`,
      method: 'PUT',
      contentType: 'application/json',
      body: { p12Base64: 'AAEC', password: 'pw' },
    });
    expect(sent(fetch, 2).body).toEqual({
      certificatePem: '-----BEGIN CERTIFICATE-----',
      privateKeyPem: '-----BEGIN PRIVATE KEY-----',
    });
    expect(sent(fetch, 3)).toMatchObject({
      url: `${BASE}/apns/certificate`,
      method: 'DELETE',
      body: undefined,
    });
  });

  describe('agent package', () => {
    const summary = { configured: true, source: 'upload', fileName: 'a.pkg' };

    it('uploads the package as raw bytes with its file name in the query', async () => {
      const { fetch, client } = clientAnswering(json(summary), json(summary));
      const file = new Blob([new Uint8Array([0x78, 0x61, 0x72, 0x21])]);
      await expect(
        client.uploadAgentPackage(file, 'Acme Agent+1.pkg'),
      ).resolves.toEqual(summary);
      const bytes = new Uint8Array([1, 2, 3]).buffer;
      await client.uploadAgentPackage(bytes, 'b.pkg');

      const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
      expect(url).toBe(`${BASE}/agent/package?fileName=Acme+Agent%2B1.pkg`);
      expect(new URL(url).searchParams.get('fileName')).toBe(
        'Acme Agent+1.pkg',
      );
      expect(init).toEqual({
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: file,
      });
      const [, second] = fetch.mock.calls[1] as [string, RequestInit];
      expect(second.body).toBe(bytes);
    });

    it('reads it, sets a URL and removes it', async () => {
      const { fetch, client } = clientAnswering(
        json({ configured: false }),
        json({ ...summary, source: 'url' }),
        new Response(null, { status: 204 }),
      );
      await expect(client.getAgentPackage()).resolves.toEqual({
        configured: false,
      });
      await expect(
        client.setAgentPackageUrl('https://cdn.example.com/agent.pkg'),
      ).resolves.toMatchObject({ source: 'url' });
      await expect(client.deleteAgentPackage()).resolves.toBeUndefined();
      expect(sent(fetch, 0)).toMatchObject({
        url: `${BASE}/agent/package`,
        method: 'GET',
      });
      expect(sent(fetch, 1)).toEqual({
        url: `${BASE}/agent/url`,
        method: 'PUT',
        contentType: 'application/json',
        body: { url: 'https://cdn.example.com/agent.pkg' },
      });
      expect(sent(fetch, 2)).toMatchObject({
        url: `${BASE}/agent/package`,
        method: 'DELETE',
      });
    });
  });

  it.each([
    [
      'createInvitation',
      (c: EnrollmentClient) =>
        c.createInvitation({
          recipients: [],
          expiresAt: '2000-01-01T00:00:00.000Z',
          requireLogin: true,
          multipleUses: false,
        }),
    ],
    ['cancelInvitation', (c: EnrollmentClient) => c.cancelInvitation('i')],
    ['deleteInvitation', (c: EnrollmentClient) => c.deleteInvitation('i')],
    ['resendInvitation', (c: EnrollmentClient) => c.resendInvitation('i')],
    ['getInvitation', (c: EnrollmentClient) => c.getInvitation('i')],
    ['deleteSite', (c: EnrollmentClient) => c.deleteSite('s')],
    [
      'saveSettings',
      (c: EnrollmentClient) => c.saveSettings(DEFAULT_PORTAL_SETTINGS),
    ],
    [
      'createPortalAccount',
      (c: EnrollmentClient) => c.createPortalAccount('a', 'short'),
    ],
    [
      'updatePortalAccount',
      (c: EnrollmentClient) => c.updatePortalAccount('a', { disabled: true }),
    ],
    [
      'queueComputerCommand',
      (c: EnrollmentClient) =>
        c.queueComputerCommand('c', { requestType: 'DeviceLock' }),
    ],
    ['pushComputer', (c: EnrollmentClient) => c.pushComputer('c')],
    [
      'uploadPushCertificate',
      (c: EnrollmentClient) => c.uploadPushCertificate({ p12Base64: 'x' }),
    ],
    [
      'uploadAgentPackage',
      (c: EnrollmentClient) => c.uploadAgentPackage(new Blob([]), 'a.pkg'),
    ],
    [
      'setAgentPackageUrl',
      (c: EnrollmentClient) => c.setAgentPackageUrl('http://x'),
    ],
  ])('%s turns an error answer into a ResponseError', async (_name, call) => {
    const { client } = clientAnswering(
      errorResponse(400, 'Bad Request', 'expiresAt is in the past'),
    );
    await expect(call(client)).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
      body: { error: { message: 'expiresAt is in the past' } },
    });
  });
});
