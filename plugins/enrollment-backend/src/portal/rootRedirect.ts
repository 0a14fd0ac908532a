import express from 'express';
import { redactUrl } from './redactUrlSecrets';

/**
 * Handler for `<backend.baseUrl>/enroll`: the short address people type and
 * mail links use. It redirects to the portal and keeps only the query string,
 * so it cannot be turned into an open redirect.
 */
export function createRootEnrollRedirect(
  portalUrl: () => Promise<string>,
): express.RequestHandler {
  return async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    if (req.path !== '/' && req.path !== '') {
      next();
      return;
    }
    try {
      const queryStart = req.originalUrl.indexOf('?');
      const query = queryStart >= 0 ? req.originalUrl.slice(queryStart) : '';
      // The request logger writes originalUrl when the response finishes.
      req.originalUrl = redactUrl(req.originalUrl);
      res.redirect(302, `${await portalUrl()}${query}`);
    } catch (error) {
      next(error);
    }
  };
}

/**
 * `<backend.baseUrl>/api/enrollment/enroll` → `<backend.baseUrl>/enroll`,
 * the form the contract promises in invitation links.
 */
export function shortEnrollUrl(portalUrl: string): string {
  return portalUrl.replace(/\/api\/enrollment\/enroll$/, '/enroll');
}
