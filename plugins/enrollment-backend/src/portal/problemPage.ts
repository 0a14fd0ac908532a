import { isError } from '@backstage/errors';
import { NextFunction, Request, Response } from 'express';
import { isDatabaseUnavailable } from '../lib/databaseUnavailable';
import { requestRefusal } from '../lib/requestRefusal';
import { PortalDeps } from './PortalContext';
import { Portal, pageContext, sendPage } from './portalRequest';
import { PortalProblem, problems } from './problems';
import { renderProblem } from './views/renderView';

/**
 * The portal's error handler. Refusals are pages in the person's words;
 * details go to the log only.
 */
export function problemPage(
  deps: Pick<PortalDeps, 'organization' | 'portalPath' | 'logger'>,
) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    // The settings may be what failed: then the page has the configured name.
    const ctx =
      (res.locals.portal as Portal | undefined)?.ctx ??
      pageContext(deps, undefined, req.get('accept-language'));
    const refused = requestRefusal(error);
    let problem: PortalProblem;
    if (error instanceof PortalProblem) {
      problem = error;
    } else if (refused) {
      problem = problems.formUnreadable(refused.status, refused.kind);
    } else if (isDatabaseUnavailable(error)) {
      deps.logger.warn(
        `Enrollment portal ${req.method} ${req.baseUrl}${req.path} failed, the database is unavailable: ${error}`,
      );
      problem = problems.serviceUnavailable();
    } else {
      deps.logger.error(
        `Enrollment portal error on ${req.method} ${req.baseUrl}${req.path}: ${
          isError(error) ? error.message : error
        }`,
      );
      problem =
        isError(error) && error.name === 'ServiceUnavailableError'
          ? problems.directoryUnavailable()
          : problems.unexpected();
    }
    sendPage(res, problem.status, renderProblem(ctx, problem));
  };
}
