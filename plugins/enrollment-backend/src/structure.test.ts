import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const SRC = resolvePackagePath('@macenroll/plugin-enrollment-backend', 'src');

/** Every non-test source file under src, as a path relative to src. */
function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return name === '__testUtils__' ? [] : sourceFiles(path);
    }
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)
      ? [relative(SRC, path)]
      : [];
  });
}

/** The top-level folder of a path under src; the root files are '.'. */
function folderOf(path: string): string {
  const [first, ...rest] = path.split('/');
  if (rest.length > 0) return first;
  try {
    return statSync(join(SRC, first)).isDirectory() ? first : '.';
  } catch {
    return '.';
  }
}

const imports = sourceFiles().map(file => ({
  file,
  specifiers: [
    ...readFileSync(join(SRC, file), 'utf8').matchAll(/from '([^']+)'/g),
  ].map(m => m[1]),
}));

/** Which folder imports which, with one file that does it for the message. */
function folderGraph() {
  const graph = new Map<string, Map<string, string>>();
  for (const { file, specifiers } of imports) {
    const from = folderOf(file);
    for (const spec of specifiers.filter(s => s.startsWith('.'))) {
      const to = folderOf(normalize(join(dirname(file), spec)));
      if (to === from) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      graph.get(from)!.set(to, `${file} imports ${spec}`);
    }
  }
  return graph;
}

describe('the backend plugin structure', () => {
  it('has no folders that import each other, directly or round about', () => {
    const graph = folderGraph();
    const loops: string[] = [];
    const walk = (folder: string, path: string[]) => {
      for (const [next, why] of graph.get(folder) ?? []) {
        if (next === path[0])
          loops.push(`${[...path, next].join(' → ')} (${why})`);
        else if (!path.includes(next)) walk(next, [...path, next]);
      }
    };
    for (const folder of graph.keys()) walk(folder, [folder]);
    expect(loops).toEqual([]);
  });

  it('imports Knex only in database/', () => {
    const outside = imports
      .filter(({ specifiers }) => specifiers.includes('knex'))
      .map(({ file }) => file)
      .filter(file => !file.startsWith('database/'));
    expect(outside).toEqual([]);
  });
});
