// The browser suites' runner: node's test runner over `<dir>/*.test.ts` (or the files given), through tsx, one
// file at a time (each starts its own browser; two cores), the spec report on stdout and TAP in `tapFile` (counted
// by scripts/test.mjs). Returns the runner's exit status.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';

export function runNodeTests(dir, given, tapFile) {
  mkdirSync('.cache', { recursive: true });
  const files = given.length
    ? given
    : readdirSync(dir)
        .filter((f) => f.endsWith('.test.ts'))
        .map((f) => `${dir}/${f}`);
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
      `--test-reporter-destination=${tapFile}`,
      ...files,
    ],
    { stdio: 'inherit' },
  );
  return r.status ?? 1;
}
