#!/usr/bin/env node
// Browser tests: node's test runner over tests/e2e/*.test.ts (through tsx), one file at a time (each starts
// its own Chromium; two cores). Needs a built extension (`npm run build`). Extra arguments go to node --test.
import { existsSync } from 'node:fs';
import { runNodeTests } from './lib/node-tests.mjs';

if (!existsSync('.output/chrome-mv3/manifest.json')) {
  console.error('No built extension in .output/chrome-mv3: run `npm run build` first.');
  process.exit(1);
}
process.exit(runNodeTests('tests/e2e', process.argv.slice(2), '.cache/e2e.tap'));
