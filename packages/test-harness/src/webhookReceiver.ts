import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';

/** One POST the receiver took, whether or not it answered 2xx. */
export interface WebhookDelivery {
  headers: IncomingMessage['headers'];
  body: string;
  /** Whether `X-Hmac-Signature` is the base64 HMAC-SHA256 of the raw body. */
  signatureValid: boolean;
  /** The status the receiver answered. */
  status: number;
}

/** A local webhook receiver, as a customer's would be. */
export interface RunningWebhookReceiver {
  url: string;
  /** Every request, in order of arrival. */
  deliveries: WebhookDelivery[];
  /** The parsed bodies of the requests answered 2xx with a valid signature. */
  accepted(): any[];
  stop(): Promise<void>;
}

/**
 * An HTTP receiver on loopback that checks each POST's `X-Hmac-Signature`
 * against `secret` over the raw body bytes (an invalid one gets 401), and
 * answers the first `failFirst` valid ones with 503, as a receiver that is
 * briefly down does.
 */
export async function startWebhookReceiver(options: {
  secret: string;
  failFirst?: number;
}): Promise<RunningWebhookReceiver> {
  const deliveries: WebhookDelivery[] = [];
  let failuresLeft = options.failFirst ?? 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const expected = createHmac('sha256', options.secret)
        .update(raw)
        .digest();
      const given = Buffer.from(
        String(req.headers['x-hmac-signature'] ?? ''),
        'base64',
      );
      const signatureValid =
        given.length === expected.length && timingSafeEqual(given, expected);
      let status = 200;
      if (!signatureValid) status = 401;
      else if (failuresLeft > 0) {
        failuresLeft--;
        status = 503;
      }
      deliveries.push({
        headers: req.headers,
        body: raw.toString('utf8'),
        signatureValid,
        status,
      });
      res.statusCode = status;
      res.end(status === 200 ? 'ok' : 'not now');
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/enrollment`,
    deliveries,
    accepted: () =>
      deliveries
        .filter(d => d.status === 200 && d.signatureValid)
        .map(d => JSON.parse(d.body)),
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
