import { isIP } from 'node:net';
import { ConnectionOptions } from 'node:tls';
import { ServiceUnavailableError } from '@backstage/errors';
import { Client, ClientOptions, ResultCodeError } from 'ldapts';
import { LdapSettings } from './LdapSettings';

/** The options of every ldapts client made for the settings. */
export function clientOptions(settings: LdapSettings): ClientOptions {
  const options: ClientOptions = {
    url: settings.url,
    timeout: settings.timeoutMs,
    connectTimeout: settings.timeoutMs,
  };
  // ldapts starts TLS on connect whenever tlsOptions is given, whatever the
  // scheme, so with ldap:// (StartTLS or not) the CA must not go here.
  if (settings.tlsCaPem && isLdaps(settings)) {
    options.tlsOptions = { ca: settings.tlsCaPem };
  }
  return options;
}

/** The options of the StartTLS upgrade (a new object each time: ldapts adds the socket to it). */
export function startTlsOptions(settings: LdapSettings): ConnectionOptions {
  const host = new URL(settings.url).hostname.replace(/^\[(.*)\]$/, '$1');
  const options: ConnectionOptions = { host };
  // ldapts passes no host to tls.connect for StartTLS; without one, SNI is
  // not sent. Node refuses an IP address as servername.
  if (!isIP(host)) {
    options.servername = host;
  }
  if (settings.tlsCaPem) {
    options.ca = settings.tlsCaPem;
  }
  return options;
}

function isLdaps(settings: LdapSettings): boolean {
  return settings.url.toLowerCase().startsWith('ldaps:');
}

/**
 * Runs `use` with a new client (upgraded with StartTLS when configured)
 * and always closes the connection afterwards. The whole use, from
 * connecting to the last answer, gets timeoutMs: ldapts times each
 * operation alone, so a directory answering each just in time would
 * otherwise keep a login waiting several times as long.
 */
export async function withClient<T>(
  settings: LdapSettings,
  use: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client(clientOptions(settings));
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`No answer within ${settings.timeoutMs} ms`)),
      settings.timeoutMs,
    );
  });
  const work = (async () => {
    if (settings.starttls) {
      await client.startTLS(startTlsOptions(settings));
    }
    return use(client);
  })();
  // Past the deadline, its failure (the connection closed under it) is no news.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    // Also ends the operations still waiting, by closing their socket.
    await client.unbind().catch(() => undefined);
  }
}

/** Scheme, host and port of the directory, for messages (never credentials). */
export function directoryName(settings: LdapSettings): string {
  try {
    const url = new URL(settings.url);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'of enrollment.ldap.url';
  }
}

/**
 * The error to throw for a failed directory operation. The directory
 * answering with an LDAP result code is a refusal, described by `refusal`;
 * anything else (refused or timed-out connection, TLS failure, closed
 * socket) means it could not be reached. Neither names a password: the
 * messages of ldapts and Node errors do not contain one.
 */
export function directoryError(
  settings: LdapSettings,
  error: unknown,
  refusal: string,
): ServiceUnavailableError {
  if (error instanceof ServiceUnavailableError) {
    return error;
  }
  if (error instanceof ResultCodeError) {
    return new ServiceUnavailableError(
      `The LDAP directory ${directoryName(settings)} ${refusal}`,
      error,
    );
  }
  return new ServiceUnavailableError(
    `The LDAP directory ${directoryName(settings)} could not be reached`,
    error,
  );
}
