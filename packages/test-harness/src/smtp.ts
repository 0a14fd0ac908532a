import { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { selfSignedCertificate } from './selfSignedCertificate';

/** A message the server accepted, parsed, with the envelope it came with. */
export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  /** Who authenticated to send it, when AUTH was used. */
  user?: string;
  /** Whether the session had been upgraded to TLS. */
  secure: boolean;
  parsed: ParsedMail;
}

/** A running in-process SMTP server. */
export interface RunningSmtp {
  host: string;
  port: number;
  user: string;
  password: string;
  /** PEM of the server's self-signed certificate, for the client's trust store. */
  certificatePem: string;
  received: ReceivedMail[];
  /**
   * The `enrollment.smtp` settings that reach this server: STARTTLS required,
   * AUTH, and trust for its self-signed certificate.
   */
  clientConfig(): {
    host: string;
    port: number;
    secure: false;
    requireTLS: true;
    auth: { user: string; pass: string };
    tls: { ca: string };
    from: string;
  };
  /** Resolves once `count` messages arrived, rejects at the deadline. */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Resolves with the newest message to `address` once one arrived, rejects at the deadline. */
  waitForMessageTo(address: string, timeoutMs?: number): Promise<ReceivedMail>;
  /** Stops listening; `start()` listens again on the same port (an SMTP outage and its end). */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/**
 * Starts an SMTP server on loopback that offers STARTTLS, requires AUTH
 * (PLAIN or LOGIN) and hands back every message parsed by mailparser.
 */
export async function startSmtpServer(
  options: {
    user?: string;
    password?: string;
    port?: number;
    /** Recipients the server refuses for good (550), like an unknown mailbox. */
    rejectRecipients?: RegExp;
    /** Milliseconds the server waits before accepting each message. */
    acceptDelayMs?: number;
    /**
     * Parse only each message's header (Message-ID, Subject…), for tests
     * that count thousands of messages rather than read them.
     */
    headersOnly?: boolean;
  } = {},
): Promise<RunningSmtp> {
  const user = options.user ?? 'mailer';
  const password = options.password ?? 'mailer-secret';
  const tls = selfSignedCertificate();
  const received: ReceivedMail[] = [];
  const waiters: Array<() => void> = [];

  const makeServer = () => {
    const created = new SMTPServer({
      secure: false,
      key: tls.privateKeyPem,
      cert: tls.certificatePem,
      authMethods: ['PLAIN', 'LOGIN'],
      // AUTH is only offered once the session is encrypted.
      allowInsecureAuth: false,
      logger: false,
      // Drop open client connections at stop() instead of waiting 30 s for them.
      closeTimeout: 100,
      onAuth(auth, _session, callback) {
        if (auth.username === user && auth.password === password) {
          callback(null, { user });
        } else {
          callback(new Error('Invalid username or password'));
        }
      },
      onRcptTo(address, _session, callback) {
        if (options.rejectRecipients?.test(address.address)) {
          const error = new Error(
            `5.1.1 <${address.address}>: mailbox unavailable`,
          ) as Error & {
            responseCode: number;
          };
          error.responseCode = 550;
          callback(error);
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        readMessage(stream, options.headersOnly)
          .then(parsed => {
            received.push({
              envelope: {
                from: session.envelope.mailFrom
                  ? session.envelope.mailFrom.address
                  : '',
                to: session.envelope.rcptTo.map(r => r.address),
              },
              user: session.user as string | undefined,
              secure: session.secure,
              parsed,
            });
            waiters.splice(0).forEach(w => w());
            setTimeout(() => callback(), options.acceptDelayMs ?? 0);
          })
          .catch(callback);
      },
    });
    // A client that dies mid-message (a replica killed by a test) resets
    // its connection: that is the client's fault, not the server's.
    created.on('error', () => undefined);
    return created;
  };

  let server = makeServer();
  let port = options.port ?? 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server.server.address() as AddressInfo).port;
        resolve();
      });
    });
  await listen();

  return {
    host: '127.0.0.1',
    get port() {
      return port;
    },
    user,
    password,
    certificatePem: tls.certificatePem,
    received,
    clientConfig() {
      return {
        host: '127.0.0.1',
        port,
        secure: false as const,
        requireTLS: true as const,
        auth: { user, pass: password },
        tls: { ca: tls.certificatePem },
        from: 'IT <it@example.com>',
      };
    },
    async waitForMessages(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) {
          throw new Error(
            `Expected ${count} messages at the SMTP server, got ${received.length} within ${timeoutMs} ms`,
          );
        }
        await new Promise<void>(resolve => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return received.slice(0, count);
    },
    async waitForMessageTo(address, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      const newest = () =>
        [...received].reverse().find(m => m.envelope.to.includes(address));
      for (let mail = newest(); ; mail = newest()) {
        if (mail) return mail;
        const left = deadline - Date.now();
        if (left <= 0) {
          throw new Error(
            `Expected a message to ${address} at the SMTP server within ${timeoutMs} ms`,
          );
        }
        await new Promise<void>(resolve => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    stop: () => new Promise<void>(resolve => server.close(() => resolve())),
    async start() {
      server = makeServer();
      await listen();
    },
  };
}

/** The message parsed, or with headersOnly just its header (the body still read to its end). */
async function readMessage(
  stream: NodeJS.ReadableStream,
  headersOnly?: boolean,
): Promise<ParsedMail> {
  if (!headersOnly) return simpleParser(stream as Readable);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  const raw = Buffer.concat(chunks);
  const end = raw.indexOf('\r\n\r\n');
  return simpleParser(end < 0 ? raw : raw.subarray(0, end + 4));
}
