#!/usr/bin/env node
// Browser tests in Firefox ESR: node's test runner over tests/e2e-firefox/*.test.ts (through tsx), against the
// test build (`--mode e2e`, .output/firefox-mv3-e2e: the shipped build plus the command hook the tests drive
// extension pages through; see tests/e2e-firefox/README.md). Builds it first. Extra arguments are test files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';

const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
if (!existsSync(firefox)) {
  console.error(`No Firefox at ${firefox}: apt-get install -y firefox-esr (or set FIREFOX_PATH).`);
  process.exit(1);
}
mkdirSync('.cache', { recursive: true });
// Same as the shipped build but for the mode: NODE_ENV=production keeps Preact's production JSX and hooks, so
// the only difference is the hook (scripts/lint-firefox.mjs checks it never reaches a shipped build).
const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3', '--mode', 'e2e'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, NODE_ENV: 'production' },
});
if (build.status !== 0) {
  console.error('The Firefox test build failed.');
  process.exit(1);
}
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync('tests/e2e-firefox')
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => `tests/e2e-firefox/${f}`);
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
    '--test-reporter-destination=.cache/e2e-firefox.tap',
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
