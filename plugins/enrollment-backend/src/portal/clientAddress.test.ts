import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { createClientAddress } from './clientAddress';

/** An app with Express's trust proxy set as Backstage's backend.trustProxy sets it. */
function appTrusting(trustProxy: unknown) {
  const logger = mockServices.logger.mock();
  const clientAddress = createClientAddress(logger);
  const app = express();
  if (trustProxy !== undefined) app.set('trust proxy', trustProxy);
  app.get('/ip', (req, res) => {
    res.send(clientAddress(req));
  });
  return { app, logger };
}

const spoofed = (app: express.Express, chain: string) =>
  request(app).get('/ip').set('X-Forwarded-For', chain);

describe('the address the login throttle counts', () => {
  it('is the first untrusted hop when backend.trustProxy names the proxy: a forged entry does not change it', async () => {
    const { app, logger } = appTrusting('loopback');
    // The proxy (loopback here) appends the client's real address.
    const a = await spoofed(app, '6.6.6.1, 203.0.113.7');
    const b = await spoofed(app, '6.6.6.2, 203.0.113.7');
    expect(a.text).toBe('203.0.113.7');
    expect(b.text).toBe('203.0.113.7');
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('is chosen by the client when backend.trustProxy is true, which is said in the log once', async () => {
    const { app, logger } = appTrusting(true);
    expect((await spoofed(app, '6.6.6.1, 203.0.113.7')).text).toBe('6.6.6.1');
    expect((await spoofed(app, '6.6.6.2, 203.0.113.7')).text).toBe('6.6.6.2');
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toMatch(/trustProxy is true/);
  });

  it('is the proxy for everyone when a proxy forwards but nothing is trusted, which is said in the log once', async () => {
    const { app, logger } = appTrusting(undefined);
    const a = await spoofed(app, '203.0.113.7');
    const b = await spoofed(app, '198.51.100.9');
    expect(a.text).toBe(b.text);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toMatch(/lock out everyone/);
  });

  it('is the socket address without a proxy, with nothing logged', async () => {
    const { app, logger } = appTrusting(undefined);
    expect((await request(app).get('/ip')).text).toMatch(/127\.0\.0\.1/);
    expect(logger.warn).not.toHaveBeenCalled();
  });
});
