#!/usr/bin/env node
// Browser tests: node's test runner over tests/e2e/*.test.ts (through tsx), one file at a time (each starts
// its own Chromium; two cores). Needs a built extension (`npm run build`). Extra arguments go to node --test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';

if (!existsSync('.output/chrome-mv3/manifest.json')) {
  console.error('No built extension in .output/chrome-mv3: run `npm run build` first.');
  process.exit(1);
}
mkdirSync('.cache', { recursive: true });
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync('tests/e2e')
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => `tests/e2e/${f}`);
const r = spawnSync(
  'node',
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    '--test-reporter-destination=.cache/e2e.tap',
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
