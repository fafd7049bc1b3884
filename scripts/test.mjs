#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failure: type-check, lint + format, unit tests,
// the builds (Chrome and Firefox, with the Firefox add-on linter), then the browser tests against the built
// extension in Chromium, then in Firefox ESR. Ends with one line "N passed, N failed" counting unit and browser
// tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chromiumPath, hasChromium } from './chromium.mjs';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
mkdirSync('.cache', { recursive: true });
let passed = 0;
let failed = 0;

function step(name, cmd, args) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✖ ${name} failed (${secs} s)`);
    return false;
  }
  console.log(`✔ ${name} (${secs} s)`);
  return true;
}

function finish(ok) {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(ok && failed === 0 ? 0 : 1);
}

function countVitest() {
  try {
    const report = JSON.parse(readFileSync('.cache/vitest.json', 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
  } catch {
    failed += 1;
  }
}

function countTap(file) {
  try {
    const tap = readFileSync(file, 'utf8');
    passed += Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
    failed += Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0);
  } catch {
    failed += 1;
  }
}

if (!step('type-check', 'npx', ['tsc', '--noEmit'])) finish(false);
if (!step('lint + format', 'npx', ['biome', 'check', '.'])) finish(false);
const unitOk = step('unit tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=.cache/vitest.json',
]);
countVitest();
if (!unitOk) finish(false);
if (!step('build (Chrome MV3)', 'npx', ['wxt', 'build'])) finish(false);
if (!step('build (Firefox MV3)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3'])) finish(false);
if (!step('Firefox add-on lint', 'node', ['scripts/lint-firefox.mjs'])) finish(false);

/** A browser the tests need is missing: a failure under CI (.ci/run installs it), a loud skip otherwise. */
function missingBrowser(notice, install) {
  if (ci) {
    console.error(`\n✖ ${notice} Under CI a missing browser is a failure (.ci/run installs it).`);
    failed += 1;
    finish(false);
  }
  console.warn(
    `\n${'!'.repeat(78)}\n!! ${notice}\n!! SKIPPING those browser tests. Install it: ${install}\n${'!'.repeat(78)}`,
  );
}

if (hasChromium()) {
  const e2eOk = step('browser tests (Chromium)', 'node', ['scripts/e2e.mjs']);
  countTap('.cache/e2e.tap');
  if (!e2eOk) finish(false);
} else {
  missingBrowser(
    `No Chromium at ${chromiumPath}: the browser tests cannot run.`,
    'apt-get install -y chromium',
  );
}
if (existsSync(firefoxPath)) {
  // Builds its own test build (.output/firefox-mv3-e2e) first; see tests/e2e-firefox/README.md.
  const firefoxOk = step('browser tests (Firefox ESR)', 'node', ['scripts/e2e-firefox.mjs']);
  countTap('.cache/e2e-firefox.tap');
  finish(firefoxOk);
} else {
  missingBrowser(
    `No Firefox at ${firefoxPath}: the Firefox browser tests cannot run.`,
    'apt-get install -y firefox-esr',
  );
  finish(true);
}
