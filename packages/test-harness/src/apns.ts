import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http2 from 'node:http2';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { requireCommand } from './requireCommand';

/** One request the stand-in received, as Apple would see it. */
export interface ApnsRequest {
  method: string;
  path: string;
  /** The device token from the path, hex. */
  token: string;
  headers: Record<string, string>;
  body: string;
  /** The TLS client certificate's subject, e.g. `{ UID: 'com.apple.mgmt…', CN: 'APSP:…' }`. */
  clientSubject: Record<string, string>;
}

/** An answer the stand-in gives: Apple's status and JSON body. */
export interface ApnsAnswer {
  status: number;
  body?: Record<string, unknown>;
}

/** A push certificate from the stand-in's "Apple" CA, as Apple's portal would issue one. */
export interface TestPushCertificate {
  topic: string;
  certificatePem: string;
  privateKeyPem: string;
  /** The same pair as a .p12, with `p12Password`. */
  p12: Buffer;
  p12Password: string;
}

export interface RunningApns {
  /** `https://127.0.0.1:<port>`, for enrollment.apns.endpoint. */
  endpoint: string;
  /** PEM of the CA that issued the stand-in's TLS certificate (enrollment.apns.caCertificate). */
  caPem: string;
  /** A push certificate the stand-in accepts as a client certificate. */
  pushCertificate: TestPushCertificate;
  /** Issues another push certificate (another topic) from the same CA. */
  issuePushCertificate(options?: { days?: number }): TestPushCertificate;
  /**
   * The `enrollment` config that sends pushes here: the push certificate's
   * topic and `apns` (certificate, key, endpoint, trust), each push at once.
   */
  enrollmentConfig(): {
    topic: string;
    apns: {
      certificate: string;
      privateKey: string;
      endpoint: string;
      caCertificate: string;
      coalesceMilliseconds: number;
    };
  };
  requests: ApnsRequest[];
  /** Resolves once `count` requests arrived in all. */
  waitForRequests(count: number): Promise<ApnsRequest[]>;
  /** What to answer; the default is 200 with an apns-id. */
  answerWith(answer: (request: ApnsRequest) => ApnsAnswer): void;
  /** Sends a GOAWAY on every open connection (Apple does this to rotate them). */
  goAway(): void;
  /** How many TLS connections clients opened. */
  connections(): number;
  /** Stops listening and drops every connection (APNs is down). */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

function openssl(args: string[], cwd: string) {
  const bin = requireCommand('openssl', 'openssl');
  execFileSync(bin, args, { cwd, stdio: 'pipe' });
}

/**
 * A local stand-in for Apple's APNs provider API (the only APNs that can run
 * here): HTTP/2 over TLS that requires a client certificate from its own
 * "Apple" CA and checks what Apple checks of an MDM push (method, path,
 * headers, body). It records each request and answers 200 unless told
 * otherwise; a request Apple would refuse gets Apple's 400 reason.
 */
export async function startApnsStandIn(): Promise<RunningApns> {
  const dir = mkdtempSync(join(tmpdir(), 'apns-'));
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '3',
      '-subj',
      '/CN=Test Apple Worldwide Developer Relations CA',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
    ],
    dir,
  );
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '3',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-keyout',
      'server.key',
      '-out',
      'server.pem',
    ],
    dir,
  );
  let issued = 0;
  const issuePushCertificate = (options: { days?: number } = {}) => {
    const uuid = randomUUID();
    const topic = `com.apple.mgmt.External.${uuid}`;
    const name = `push${issued++}`;
    openssl(
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        String(options.days ?? 365),
        '-subj',
        `/UID=${topic}/CN=APSP:${uuid}/C=US`,
        '-addext',
        'extendedKeyUsage=clientAuth',
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.pem`,
      ],
      dir,
    );
    const p12Password = 'push-p12-password';
    openssl(
      [
        'pkcs12',
        '-export',
        '-in',
        `${name}.pem`,
        '-inkey',
        `${name}.key`,
        '-out',
        `${name}.p12`,
        '-passout',
        `pass:${p12Password}`,
        // What Keychain Access writes: 3DES bags, SHA-1 MAC.
        '-keypbe',
        'PBE-SHA1-3DES',
        '-certpbe',
        'PBE-SHA1-3DES',
        '-macalg',
        'sha1',
      ],
      dir,
    );
    return {
      topic,
      certificatePem: read(`${name}.pem`),
      privateKeyPem: read(`${name}.key`),
      p12: readFileSync(join(dir, `${name}.p12`)),
      p12Password,
    };
  };
  const pushCertificate = issuePushCertificate();
  const caPem = read('ca.pem');
  const serverOptions = {
    key: read('server.key'),
    cert: read('server.pem'),
    ca: caPem,
    requestCert: true,
    rejectUnauthorized: true,
  };
  // The CA key stays for issuePushCertificate until the process ends.
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

  const requests: ApnsRequest[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let answer: (request: ApnsRequest) => ApnsAnswer = () => ({ status: 200 });
  const sessions = new Set<http2.ServerHttp2Session>();
  let connectionCount = 0;

  const server = http2.createSecureServer(serverOptions);
  server.on('session', session => {
    sessions.add(session);
    connectionCount++;
    session.on('close', () => sessions.delete(session));
  });
  server.on('stream', (stream, headers) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const socket = stream.session?.socket as TLSSocket | undefined;
      const subject = (socket?.getPeerCertificate().subject ?? {}) as Record<
        string,
        string
      >;
      const path = String(headers[':path']);
      const flat: Record<string, string> = {};
      for (const [k, v] of Object.entries(headers)) {
        if (!k.startsWith(':')) flat[k] = String(v);
      }
      const request: ApnsRequest = {
        method: String(headers[':method']),
        path,
        token: path.replace(/^\/3\/device\//, ''),
        headers: flat,
        body: Buffer.concat(chunks).toString('utf8'),
        clientSubject: { ...subject },
      };
      requests.push(request);
      const reply = refusal(request) ?? answer(request);
      const apnsId = randomUUID().toUpperCase();
      stream.respond({
        ':status': reply.status,
        'apns-id': apnsId,
        ...(reply.body ? { 'content-type': 'application/json' } : {}),
      });
      stream.end(reply.body ? JSON.stringify(reply.body) : undefined);
      for (const w of waiters.splice(0)) {
        if (requests.length >= w.count) w.resolve();
        else waiters.push(w);
      }
    });
  });

  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  await listen();

  return {
    endpoint: `https://127.0.0.1:${port}`,
    caPem,
    pushCertificate,
    issuePushCertificate,
    enrollmentConfig: () => ({
      topic: pushCertificate.topic,
      apns: {
        certificate: pushCertificate.certificatePem,
        privateKey: pushCertificate.privateKeyPem,
        endpoint: `https://127.0.0.1:${port}`,
        caCertificate: caPem,
        coalesceMilliseconds: 0,
      },
    }),
    requests,
    waitForRequests: count =>
      new Promise(resolve => {
        if (requests.length >= count) resolve(requests.slice());
        else waiters.push({ count, resolve: () => resolve(requests.slice()) });
      }),
    answerWith: fn => {
      answer = fn;
    },
    goAway: () => {
      for (const s of sessions) s.goaway(http2.constants.NGHTTP2_NO_ERROR);
    },
    connections: () => connectionCount,
    stop: () =>
      new Promise<void>(resolve => {
        for (const s of sessions) s.destroy();
        if (!server.listening) resolve();
        else server.close(() => resolve());
      }),
    start: listen,
  };
}

/** What Apple refuses of an MDM push whatever the token (its documented 400 reasons). */
function refusal(request: ApnsRequest): ApnsAnswer | undefined {
  const bad = (reason: string): ApnsAnswer => ({
    status: 400,
    body: { reason },
  });
  if (request.method !== 'POST')
    return { status: 405, body: { reason: 'MethodNotAllowed' } };
  if (!/^[0-9a-f]{2,200}$/.test(request.token)) return bad('BadDeviceToken');
  if (request.headers['apns-push-type'] !== 'mdm')
    return bad('InvalidPushType');
  if (request.headers['apns-topic'] !== request.clientSubject.UID)
    return bad('TopicDisallowed');
  if (
    request.headers['apns-priority'] &&
    !['5', '10'].includes(request.headers['apns-priority'])
  )
    return bad('BadPriority');
  let body: any;
  try {
    body = JSON.parse(request.body);
  } catch {
    return bad('PayloadEmpty');
  }
  if (!body || typeof body.mdm !== 'string' || Object.keys(body).length !== 1)
    return bad('PayloadEmpty');
  return undefined;
}
