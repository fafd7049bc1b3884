#!/usr/bin/env node
// The add-on store rebuilds a submitted add-on from its sources archive and compares. This does the same here:
// `wxt zip -b firefox` (the add-on zip and the sources zip), then in a fresh temporary folder: unpack the sources,
// `npm ci`, `npm run build:firefox` (the README's build instructions), and compare every built file, byte for
// byte, with the add-on zip's. Slow (a full `npm ci`), so it is its own script: `npm run check:firefox-sources`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const extZip = `.output/${pkg.name}-${pkg.version}-firefox.zip`;
const srcZip = `.output/${pkg.name}-${pkg.version}-sources.zip`;

function run(cmd, args, opts = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], ...opts });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✖ ${cmd} ${args.join(' ')} failed (${secs} s)`);
    process.exit(1);
  }
  console.log(`✔ ${cmd} ${args.join(' ')} (${secs} s)`);
}

/** Relative path → sha256 of every file under `dir`. */
function digests(dir) {
  const out = new Map();
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

run('npx', ['wxt', 'zip', '-b', 'firefox', '--mv3']);
const work = mkdtempSync(join(tmpdir(), 'sourcelens-sources-'));
try {
  const shipped = join(work, 'shipped');
  const sources = join(work, 'sources');
  run('unzip', ['-q', extZip, '-d', shipped]);
  run('unzip', ['-q', srcZip, '-d', sources]);
  // As a reviewer would, from the archive alone; CI is unset so nothing here depends on the test setup.
  const env = { ...process.env, CI: '', npm_config_audit: 'false', npm_config_fund: 'false' };
  run('npm', ['ci'], { cwd: sources, env });
  run('npm', ['run', 'build:firefox'], { cwd: sources, env });

  const want = digests(shipped);
  const got = digests(join(sources, '.output', 'firefox-mv3'));
  const problems = [];
  for (const [file, hash] of want) {
    if (!got.has(file)) problems.push(`missing from the rebuild: ${file}`);
    else if (got.get(file) !== hash) problems.push(`differs: ${file}`);
  }
  for (const file of got.keys()) if (!want.has(file)) problems.push(`only in the rebuild: ${file}`);
  for (const p of problems) console.error(p);
  console.log(
    problems.length
      ? `✖ the sources archive does not rebuild the add-on: ${problems.length} differences`
      : `✔ rebuilt from the sources archive: ${want.size} files, byte for byte the add-on zip`,
  );
  process.exitCode = problems.length ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
