import { InputError } from '@backstage/errors';
import { z } from 'zod';

// The admin API's request schemas live in @macenroll/plugin-enrollment-common
// (src/api), where the admin page's client takes its types from them; this
// file keeps only what the routers add around them.

/** Actions without parameters (cancel, push) still refuse a body with keys. */
export const emptyBody = z.strictObject({});

/** Parses input or throws an InputError that says what to fix, field by field. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map(issue => {
    const path = issue.path.join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  throw new InputError(`Invalid ${what}: ${problems.join('; ')}`);
}
