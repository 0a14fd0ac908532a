import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest package.json at or above `from` with workspaces. */
export function findRepoRoot(from: string = process.cwd()): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).workspaces) {
      return dir;
    }
    if (dirname(dir) === dir) {
      throw new Error(`No workspace root above ${from}`);
    }
  }
}
