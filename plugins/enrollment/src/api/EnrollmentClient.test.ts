import { EnrollmentClient } from './EnrollmentClient';

describe('EnrollmentClient', () => {
  const discoveryApi = {
    getBaseUrl: jest.fn().mockResolvedValue('http://backend/api/enrollment'),
  };

  it('reads the CA summary from the backend', async () => {
    const fetch = jest.fn().mockResolvedValue(
      new Response(JSON.stringify({ subject: 'O=Acme' }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    );
    const client = new EnrollmentClient({ discoveryApi, fetchApi: { fetch } });
    await expect(client.getCaSummary()).resolves.toEqual({ subject: 'O=Acme' });
    expect(fetch).toHaveBeenCalledWith('http://backend/api/enrollment/ca');
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
});
