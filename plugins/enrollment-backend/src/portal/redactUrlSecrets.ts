import { RequestHandler } from 'express';

/**
 * Query parameters that carry a live secret on the public routes: the
 * invitation code of a mail link and the portal's download tokens.
 */
export const SECRET_QUERY_PARAMETERS = ['invitation', 'token'] as const;

const SECRET_PARAMETER = new RegExp(
  `([?&](?:${SECRET_QUERY_PARAMETERS.join('|')})=)[^&#]*`,
  'gi',
);

/** The URL with the value of every secret query parameter replaced. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMETER, '$1[redacted]');
}

/**
 * Backstage's request logger and auditor write `req.originalUrl` when the
 * response finishes, so a mail link's `?invitation=CODE` or a download's
 * `?token=` would land in every log. The query is already parsed into
 * `req.query` by then, so the plugin's handlers still read it; only what is
 * written down changes.
 */
export const redactUrlSecrets: RequestHandler = (req, _res, next) => {
  if (req.originalUrl.includes('?')) {
    req.originalUrl = redactUrl(req.originalUrl);
  }
  next();
};
