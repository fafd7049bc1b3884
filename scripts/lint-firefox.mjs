#!/usr/bin/env node
// The Firefox add-on linter over the built add-on, as the add-on store runs it (no --self-hosted): 0 errors,
// and no warnings except one known warning inside Preact's own bundle — its dangerouslySetInnerHTML code path
// (`dom.innerHTML = props.dangerouslySetInnerHTML.__html`), which SourceLens never uses (biome forbids the prop;
// see README). That warning is tolerated only where the flagged code is that exact Preact assignment, so an
// innerHTML of our own in any file, chunks included, still fails.
// Then: no test-only code in the shipped builds (the e2e hook, entrypoints/background/e2e-hook.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const DIR = '.output/firefox-mv3';
const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', DIR, '--output', 'json'], {
  encoding: 'utf8',
});
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}

/** The minified code around a warning's position. */
function around(w, span = 120) {
  try {
    const line = readFileSync(join(DIR, w.file), 'utf8').split('\n')[(w.line ?? 1) - 1] ?? '';
    const at = (w.column ?? 1) - 1;
    return line.slice(Math.max(0, at - span), at + span);
  } catch {
    return '';
  }
}
// Preact's diff, minified: `…||(e.innerHTML=f.__html)…` — an innerHTML assigned a `__html` field.
const isPreactsOwn = (w) =>
  w.code === 'UNSAFE_VAR_ASSIGNMENT' && /\.innerHTML=[\w$]+\.__html\b/.test(around(w));

const warnings = report.warnings ?? [];
const ours = warnings.filter((w) => !isPreactsOwn(w));
const errors = report.errors ?? [];
for (const e of errors) console.error(`error ${e.code}: ${e.message} (${e.file ?? ''})`);
for (const w of ours)
  console.error(`warning ${w.code}: ${w.message} (${w.file ?? ''}:${w.line}:${w.column})`);
const known = warnings.length - ours.length;
console.log(
  `web-ext lint: ${errors.length} errors, ${ours.length} warnings of our own, ${known} known in Preact's bundle`,
);

// The e2e hook's marker (E2E_HOOK_MARKER) must be in no shipped build: its import sits behind
// `import.meta.env.MODE === 'e2e'`, and a regression there would ship a remote-control channel. Nor may the
// options page's test-build backup round trip (entrypoints/options/e2e-backup.ts), which the hook calls.
const MARKERS = ['sourcelens-e2e-hook', '__sourcelensBackupRoundTrip'];
const leaks = [];
for (const dir of ['.output/firefox-mv3', '.output/chrome-mv3']) {
  if (!existsSync(dir)) continue;
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const text = readFileSync(p);
        for (const marker of MARKERS) if (text.includes(marker)) leaks.push({ p, marker });
      }
    }
  };
  walk(dir);
}
for (const { p, marker } of leaks)
  console.error(`test-only code in a shipped build: ${p} contains "${marker}"`);
console.log(`shipped builds: ${leaks.length ? 'TEST HOOK FOUND' : 'no test hook'}`);
process.exit(errors.length || ours.length || leaks.length ? 1 : 0);
