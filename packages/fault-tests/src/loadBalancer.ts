import { createServer, request, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** A load balancer in front of the replicas, with the route of each request chosen by the test. */
export interface LoadBalancer {
  /** http://127.0.0.1:PORT — every replica's `backend.baseUrl`. */
  url: string;
  port: number;
  /** Which replica's port served each request path, in order. */
  served: { path: string; port: number; status: number }[];
  close(): Promise<void>;
}

/**
 * Forwards each request to the port `route` picks, as a layer-7 balancer
 * does, and answers 502 when that replica is down — so a test can send a
 * Mac's portal steps to one replica and its SCEP and check-ins to another.
 */
export async function startLoadBalancer(
  route: (req: IncomingMessage) => number,
): Promise<LoadBalancer> {
  const served: LoadBalancer['served'] = [];
  const server: Server = createServer((req, res) => {
    const port = route(req);
    const upstream = request(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      answer => {
        served.push({
          path: req.url ?? '',
          port,
          status: answer.statusCode ?? 0,
        });
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        // A replica killed mid-answer resets the connection: cut the client's too.
        answer.on('error', () => res.destroy());
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      served.push({ path: req.url ?? '', port, status: 502 });
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.on('error', () => upstream.destroy());
    res.on('error', () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    served,
    close: () =>
      new Promise<void>(done => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
