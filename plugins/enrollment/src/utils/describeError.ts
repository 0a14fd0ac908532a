import { ResponseError } from '@backstage/errors';
import { EnrollmentT } from './translate';

/** An error as a person reads it: what happened, what to do, and the details for IT. */
export interface ErrorForPeople {
  title: string;
  detail?: string;
  /**
   * For IT: status, request path, error name and, for a server error, what
   * the backend said. Never the query string or a raw body.
   */
  technical: string[];
}

/** The path of the request that failed, without its query (which may carry ids or codes). */
function pathOf(error: ResponseError): string | undefined {
  try {
    return new URL(error.response.url).pathname;
  } catch {
    return undefined;
  }
}

export function describeError(error: unknown, t: EnrollmentT): ErrorForPeople {
  if (!ResponseError.is(error)) {
    // fetch() rejects with a TypeError when the server cannot be reached.
    const name = error instanceof Error ? error.name : 'Error';
    return {
      title: t('errors.unreachable.title'),
      detail: t('errors.unreachable.detail'),
      technical: [
        `${name}: ${error instanceof Error ? error.message : String(error)}`,
      ],
    };
  }
  const status = error.response.status;
  // Only a Backstage error body says something for people; for any other
  // answer (a proxy's page, say) ResponseError makes up a message that
  // carries the raw body, which is not shown.
  const message: string | undefined = error.body?.error?.message;
  const said =
    message && !/^Request failed with status \d+/.test(message)
      ? message
      : undefined;
  const technical = [
    `${status} ${error.response.statusText}`.trim(),
    ...(pathOf(error) ? [pathOf(error)!] : []),
    ...(error.body?.error?.name ? [error.body.error.name] : []),
  ];
  if (status === 401) {
    return {
      title: t('errors.signedOut.title'),
      detail: t('errors.signedOut.detail'),
      technical,
    };
  }
  if (status === 403) {
    return { title: t('errors.notAllowed.title'), detail: said, technical };
  }
  if (status === 404) {
    return { title: t('errors.notFound.title'), detail: said, technical };
  }
  if (status >= 500) {
    // A server error's own words may name internals: folded away.
    return {
      title: t('errors.serverProblem.title'),
      detail: t('errors.serverProblem.detail'),
      technical: said ? [...technical, said] : technical,
    };
  }
  return { title: t('errors.refused.title'), detail: said, technical };
}
