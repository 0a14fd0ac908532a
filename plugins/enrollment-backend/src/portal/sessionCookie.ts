import { Request, Response } from 'express';

export const SESSION_COOKIE = 'enroll_sid';

/** The value of one cookie from the request, without a cookie-parser dependency. */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * HttpOnly so page scripts cannot read it, SameSite=Lax so other sites cannot
 * post with it, Secure whenever the portal is served over HTTPS, and scoped
 * to the portal's path.
 */
export function setSessionCookie(
  res: Response,
  options: { id: string; path: string; maxAgeMs: number; secure: boolean },
): void {
  res.cookie(SESSION_COOKIE, options.id, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: options.path,
    maxAge: options.maxAgeMs,
  });
}

export function clearSessionCookie(res: Response, path: string): void {
  res.clearCookie(SESSION_COOKIE, { path });
}
