import { createServer, get, Server } from 'node:https';
import { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { ReadableStream } from 'node:stream/web';
import { selfSignedCertificate } from '@internal/test-harness';
import { RequestListener } from 'node:http';
import { AgentPackageFetch } from '../download';

/** A loopback https server with a throw-away certificate; `ca` trusts it. */
export async function startHttpsServer(handler: RequestListener): Promise<{
  url: string;
  ca: string;
  server: Server;
  close(): Promise<void>;
}> {
  const { certificatePem, privateKeyPem } = selfSignedCertificate();
  const server = createServer(
    { cert: certificatePem, key: privateKeyPem },
    handler,
  );
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    ca: certificatePem,
    server,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The fetch a deployment behind a private CA would pass: node:https with
 * that CA, its answer as a WHATWG Response.
 */
export function fetchTrusting(ca: string): AgentPackageFetch {
  return (url, init) =>
    new Promise((resolve, reject) => {
      const request = get(url, { ca, signal: init.signal }, response => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined) {
            headers.set(name, Array.isArray(value) ? value.join(', ') : value);
          }
        }
        resolve(
          new Response(
            Readable.toWeb(response) as unknown as ReadableStream as any,
            { status: response.statusCode, headers },
          ),
        );
      });
      request.on('error', reject);
    });
}
