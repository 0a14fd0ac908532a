import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** Reads the QuickAdd package identifier (`root` is `enrollment`). */
export function readQuickAddIdentifier(root: Config | undefined): string {
  const identifier =
    root?.getOptionalString('quickadd.identifier') ??
    'com.macenroll.enrollment.quickadd';
  if (!/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(identifier)) {
    throw new InputError(
      'enrollment.quickadd.identifier must be a reverse-DNS name such as com.example.enrollment',
    );
  }
  return identifier;
}
