import http2 from 'node:http2';

/** What Apple answered to one push. */
export interface PushAnswer {
  /** The HTTP status: 200 delivered to APNs; see PROTOCOL-NOTES §8 for the rest. */
  status: number;
  apnsId?: string;
  /** Apple's `reason`, e.g. `Unregistered`, `BadCertificate`, `TooManyRequests`. */
  reason?: string;
  /** For 410: when the token stopped being valid (milliseconds since 1970). */
  timestamp?: number;
}

/** The TLS client identity of the provider connection. */
export interface ApnsCredentials {
  certificatePem: string;
  privateKeyPem: string;
}

const MAX_ANSWER_BYTES = 16 * 1024;

/**
 * Apple's provider API over one HTTP/2 connection, authenticated by the MDM
 * push certificate (MDM topics take no JWT). The session stays open and
 * carries every push as its own stream, concurrently; a GOAWAY, an error or
 * a close drops it and the next push connects again. Apple asks providers
 * not to open a connection per push.
 */
export class ApnsClient {
  private session?: http2.ClientHttp2Session;

  constructor(
    private readonly options: {
      /** `https://api.push.apple.com` or a stand-in. */
      endpoint: string;
      credentials: ApnsCredentials;
      /** Extra trust for the endpoint (a stand-in or a TLS proxy), PEM. */
      caPem?: string;
      /** How long one push may take, connecting included. */
      timeoutMs?: number;
    },
  ) {}

  /** Sends `{"mdm": pushMagic}` to one device token; rejects only when Apple could not be asked. */
  push(options: {
    token: Buffer;
    pushMagic: string;
    topic: string;
  }): Promise<PushAnswer> {
    const session = this.connect();
    const body = JSON.stringify({ mdm: options.pushMagic });
    return new Promise<PushAnswer>((resolve, reject) => {
      let stream: http2.ClientHttp2Stream;
      try {
        stream = session.request({
          ':method': 'POST',
          ':path': `/3/device/${options.token.toString('hex')}`,
          'apns-topic': options.topic,
          'apns-push-type': 'mdm',
          'apns-priority': '10',
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        });
      } catch (error) {
        // The session went away between connect() and request().
        this.drop(session);
        reject(error);
        return;
      }
      let status = 0;
      let apnsId: string | undefined;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.setTimeout(this.options.timeoutMs ?? 15_000, () => {
        stream.close(http2.constants.NGHTTP2_CANCEL);
        reject(new Error('APNs did not answer in time'));
      });
      stream.on('response', headers => {
        status = Number(headers[':status']);
        apnsId = headers['apns-id'] as string | undefined;
      });
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => {
        if (!status) {
          reject(new Error('APNs closed the stream without an answer'));
          return;
        }
        const answer: PushAnswer = { status, apnsId };
        if (chunks.length) {
          try {
            const json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            if (typeof json.reason === 'string') answer.reason = json.reason;
            if (typeof json.timestamp === 'number')
              answer.timestamp = json.timestamp;
          } catch {
            answer.reason = `unreadable answer (HTTP ${status})`;
          }
        }
        resolve(answer);
      });
      stream.end(body);
    });
  }

  /** Closes the connection; the next push would open a new one. */
  close(): void {
    const session = this.session;
    this.session = undefined;
    session?.close();
  }

  private connect(): http2.ClientHttp2Session {
    if (this.session && !this.session.closed && !this.session.destroyed) {
      return this.session;
    }
    const { credentials, caPem, endpoint } = this.options;
    const session = http2.connect(endpoint, {
      cert: credentials.certificatePem,
      key: credentials.privateKeyPem,
      ...(caPem ? { ca: caPem } : {}),
    });
    // Streams in flight still finish after a GOAWAY; new ones need a new session.
    session.on('goaway', () => this.drop(session));
    session.on('error', () => this.drop(session));
    session.on('close', () => this.drop(session));
    // An idle connection must not keep the backend process alive.
    session.unref();
    this.session = session;
    return session;
  }

  private drop(session: http2.ClientHttp2Session) {
    if (this.session === session) this.session = undefined;
  }
}
