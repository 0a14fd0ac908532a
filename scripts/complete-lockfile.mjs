#!/usr/bin/env node
// Run after `npm install` changes package-lock.json.
//
// The registry this project's machines reach serves only the linux-x64 builds
// of platform-specific packages (@swc/core-darwin-arm64 and the like answer
// 404), so npm leaves them out of package-lock.json, and then `npm ci` (npm
// 11.19) refuses that same lockfile: "Missing: @swc/core-darwin-arm64@ from
// lock file". This records each missing optional dependency with its pinned
// version, marked optional, which is what a lockfile written elsewhere holds;
// npm skips them at install (unsupported platform or not found, both fine for
// optional packages).
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
const EXACT = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

function resolveLocation(dependent, name) {
  // Node's lookup: the dependent's own node_modules, then each ancestor's.
  let base = dependent;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return { location: candidate, exists: true };
    if (!base) return undefined;
    const i = base.lastIndexOf('/node_modules/');
    base = i >= 0 ? base.slice(0, i) : '';
  }
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolveLocation(location, name)) continue;
    if (!EXACT.test(spec)) {
      console.warn(`skipping ${name}@${spec} (needed by ${location}): not an exact version`);
      continue;
    }
    const hoisted = `node_modules/${name}`;
    const target = packages[hoisted] ? `${location}/node_modules/${name}` : hoisted;
    packages[target] = { version: spec, optional: true };
    added++;
  }
}

const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: recorded ${added} optional platform packages`);
