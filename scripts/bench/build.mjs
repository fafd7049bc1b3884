// The built Chrome extension that the size figures read. A figure read from an old build would describe code
// that no longer exists, so the build is redone when it is missing or older than anything it is made from.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const OUTPUT = '.output/chrome-mv3';

/** What `wxt build` reads: source folders, static files, locales and the build configuration. */
const INPUTS = [
  'entrypoints',
  'components',
  'core',
  'messaging',
  'storage',
  'public',
  'locales',
  'wxt.config.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];

/** Newest modification time under `path`; folders count too, since adding, moving or deleting a file changes them. */
function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, name)));
  return newest;
}

/** Whether the build is missing or any of its sources changed after it wrote background.js. */
export function isBuildStale(root) {
  const built = resolve(root, OUTPUT, 'background.js');
  if (!existsSync(built)) return true;
  const sources = Math.max(...INPUTS.map((p) => newestChange(resolve(root, p))));
  return sources > statSync(built).mtimeMs;
}

/** Builds the Chrome extension when it is missing or stale, or always with `force`. */
export function ensureBuilt(root, { force = false, quiet = false } = {}) {
  if (!force && !isBuildStale(root)) return;
  const r = spawnSync('npx', ['wxt', 'build'], {
    cwd: root,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });
  if (r.status !== 0) throw new Error('build failed');
}
