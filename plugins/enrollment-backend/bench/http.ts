// A small HTTP/1.1 client with keep-alive, the same for every server benched.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Milliseconds from sending the request to the last byte of the answer. */
  elapsedMs: number;
}

export function httpRequest(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: Buffer | string;
  } = {},
): Promise<HttpAnswer> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const body =
      typeof options.body === 'string'
        ? Buffer.from(options.body)
        : options.body;
    const req = http.request(
      url,
      {
        agent,
        method: options.method ?? 'GET',
        headers: {
          ...options.headers,
          ...(body ? { 'Content-Length': String(body.length) } : {}),
        },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            elapsedMs: performance.now() - t0,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A browser's cookie jar in front of httpRequest (Safari at the portal). */
export class Browser {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly userAgent: string) {}

  async request(
    url: string,
    options: Parameters<typeof httpRequest>[1] = {},
  ): Promise<HttpAnswer> {
    const answer = await httpRequest(url, {
      ...options,
      headers: {
        'User-Agent': this.userAgent,
        Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...options.headers,
      },
    });
    for (const cookie of answer.headers['set-cookie'] ?? []) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return answer;
  }
}
