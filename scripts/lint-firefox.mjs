#!/usr/bin/env node
// The Firefox add-on linter over the built add-on: 0 errors, and no warnings except the known one inside
// Preact's own bundle (its dangerouslySetInnerHTML code path, which SourceLens never uses; see README).
import { spawnSync } from 'node:child_process';

const r = spawnSync(
  'npx',
  ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--output', 'json', '--self-hosted'],
  {
    encoding: 'utf8',
  },
);
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}
const ours = (report.warnings ?? []).filter(
  (w) =>
    !(
      w.code === 'UNSAFE_VAR_ASSIGNMENT' &&
      /dangerouslySetInnerHTML|innerHTML/.test(`${w.message} ${w.description}`) &&
      /chunks\//.test(w.file ?? '')
    ),
);
const errors = report.errors ?? [];
for (const e of errors) console.error(`error ${e.code}: ${e.message} (${e.file ?? ''})`);
for (const w of ours) console.error(`warning ${w.code}: ${w.message} (${w.file ?? ''})`);
const known = (report.warnings ?? []).length - ours.length;
console.log(
  `web-ext lint: ${errors.length} errors, ${ours.length} warnings of our own, ${known} known in Preact's bundle`,
);
process.exit(errors.length || ours.length ? 1 : 0);
