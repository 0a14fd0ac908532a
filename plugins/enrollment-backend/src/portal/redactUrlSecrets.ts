import { RequestHandler } from 'express';

/**
 * Query parameters that carry a live secret on the public routes: the
 * invitation code of a mail link and the portal's download tokens.
 */
export const SECRET_QUERY_PARAMETERS = ['invitation', 'token'] as const;

const SECRET_NAMES = new Set<string>(SECRET_QUERY_PARAMETERS);

/**
 * The parameter as Express's query parser (qs) reads its name: percent-
 * decoded, `+` as a space, and `name[…]` as `name` (an array or object).
 * Case is ignored, so more is redacted rather than less.
 */
function parameterName(raw: string): string {
  let name = raw.replace(/\+/g, ' ');
  try {
    name = decodeURIComponent(name);
  } catch {
    // qs keeps a malformed escape as it is.
  }
  const bracket = name.indexOf('[');
  return (bracket > 0 ? name.slice(0, bracket) : name).toLowerCase();
}

/** The URL with the value of every secret query parameter replaced. */
export function redactUrl(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const end = url.indexOf('#', start);
  const query = url.slice(start + 1, end < 0 ? undefined : end);
  const redacted = query
    .split('&')
    .map(part => {
      const eq = part.indexOf('=');
      return eq > 0 && SECRET_NAMES.has(parameterName(part.slice(0, eq)))
        ? `${part.slice(0, eq)}=[redacted]`
        : part;
    })
    .join('&');
  return `${url.slice(0, start + 1)}${redacted}${
    end < 0 ? '' : url.slice(end)
  }`;
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
