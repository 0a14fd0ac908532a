import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The absolute path of a program the tests need, or an error naming the
 * Debian package that provides it: a missing service fails a test, it
 * never skips it.
 */
export function requireCommand(
  name: string,
  debianPackage: string,
  extraDirs: string[] = ['/usr/sbin', '/usr/bin', '/sbin'],
): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...extraDirs];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  throw new Error(
    `The tests need "${name}", which is not installed. Install the Debian package: apt-get install ${debianPackage} (npm test does this itself when run as root).`,
  );
}
