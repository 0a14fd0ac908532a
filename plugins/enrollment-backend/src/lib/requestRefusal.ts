import { isError } from '@backstage/errors';

/** Why a request was refused before a handler could use it. */
export type RefusalKind =
  | 'invalid'
  | 'too-large'
  | 'too-many-fields'
  | 'encoding'
  | 'unreadable';

export interface RequestRefusal {
  status: number;
  kind: RefusalKind;
  /** The error's own message: for machine clients, never for a portal page. */
  message: string;
}

/**
 * The one reading of request errors for the public routes: an InputError
 * (from any copy of @backstage/errors, so by name) and body-parser's 4xx
 * refusals become a status and a kind each route words for its audience;
 * anything else is the server's fault and answers undefined.
 */
export function requestRefusal(error: unknown): RequestRefusal | undefined {
  const message = isError(error) ? error.message : String(error);
  if (isError(error) && error.name === 'InputError') {
    return { status: 400, kind: 'invalid', message };
  }
  const { status, type } = (error ?? {}) as {
    status?: unknown;
    type?: unknown;
  };
  if (typeof status !== 'number' || status < 400 || status >= 500) {
    return undefined;
  }
  switch (type) {
    case 'entity.too.large':
      return { status, kind: 'too-large', message };
    case 'parameters.too.many':
      return { status, kind: 'too-many-fields', message };
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return { status, kind: 'encoding', message };
    default:
      return { status, kind: 'unreadable', message };
  }
}
