import { LoggerService } from '@backstage/backend-plugin-api';
import { Request } from 'express';

/**
 * The address the per-address login throttle counts. Express derives
 * `req.ip` from Backstage's `backend.trustProxy`: with the proxies' addresses
 * or hop count it is the first untrusted hop, which a client cannot choose.
 * Two settings defeat the throttle, and each is said once in the log:
 * `true` trusts every X-Forwarded-For entry (a client names any address it
 * likes), and no setting behind a proxy counts everyone as the proxy (one
 * person's typos lock everybody out).
 */
export function createClientAddress(
  logger: LoggerService,
): (req: Request) => string {
  let warned = false;
  const warnOnce = (message: string) => {
    if (warned) return;
    warned = true;
    logger.warn(message);
  };
  return req => {
    const forwarded = req.get('x-forwarded-for');
    const trust = req.app.get('trust proxy fn') as
      | ((address: string, hop: number) => boolean)
      | undefined;
    const remote = req.socket.remoteAddress ?? '';
    if (req.app.get('trust proxy') === true) {
      warnOnce(
        "backend.trustProxy is true: every X-Forwarded-For entry is believed, so a portal visitor can pick the address the login throttle counts. Set it to your proxies' addresses or hop count (SECURITY.md).",
      );
    } else if (forwarded && trust && !trust(remote, 0)) {
      warnOnce(
        "Portal requests carry X-Forwarded-For but backend.trustProxy does not trust their sender, so every visitor counts as the proxy's address and one person's failed logins can lock out everyone. Set backend.trustProxy to your proxies' addresses or hop count (SECURITY.md).",
      );
    }
    return req.ip ?? (remote || 'unknown');
  };
}
