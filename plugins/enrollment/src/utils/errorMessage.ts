import { ResponseError } from '@backstage/errors';

/** What went wrong, in the backend's own words when it gave some. */
export function errorMessage(error: unknown): string {
  if (ResponseError.is(error)) {
    return error.body?.error?.message || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Whether the backend refused because a permission is missing. */
export function isNotAllowed(error: unknown): boolean {
  return ResponseError.is(error) && error.statusCode === 403;
}
