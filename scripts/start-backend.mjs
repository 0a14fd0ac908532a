#!/usr/bin/env node
// `npm run start:backend -- --config FILE`: starts only the demo backend with
// app-config.yaml plus the given files. backstage-cli resolves --config paths
// from the backend package, so relative paths are made absolute here from the
// directory npm was called in.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const callerDir = process.env.INIT_CWD ?? process.cwd();
const args = [
  'repo',
  'start',
  'backend',
  '--config',
  resolve(root, 'app-config.yaml'),
];
const given = process.argv.slice(2);
for (let i = 0; i < given.length; i++) {
  const arg = given[i];
  if (arg === '--config' && i + 1 < given.length) {
    args.push('--config', resolve(callerDir, given[++i]));
  } else if (arg.startsWith('--config=')) {
    args.push('--config', resolve(callerDir, arg.slice('--config='.length)));
  } else {
    args.push(arg);
  }
}
const child = spawn(resolve(root, 'node_modules/.bin/backstage-cli'), args, {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
