#!/usr/bin/env node
// Browser tests in Firefox ESR: node's test runner over tests/e2e-firefox/*.test.ts (through tsx), against the
// test build (`--mode e2e`, .output/firefox-mv3-e2e: the shipped build plus the command hook the tests drive
// extension pages through; see tests/e2e-firefox/README.md). Builds it first. Extra arguments are test files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { runNodeTests } from './lib/node-tests.mjs';

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
process.exit(runNodeTests('tests/e2e-firefox', process.argv.slice(2), '.cache/e2e-firefox.tap'));
