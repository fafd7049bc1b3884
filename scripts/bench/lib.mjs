// What every bench script shares: summary statistics, rounding, the load average printed beside timings, and
// bundling a TypeScript entry into one script to run in a page.
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { build } from 'vite';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : Number.NaN;
};

export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : Number.NaN;
};

export const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** The machine's load average, as printed beside timings (on a shared 2-core box they move with it). */
export const loadAverage = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** `entry` (a path from the project root) bundled and minified into one IIFE script exposing `name`. */
export async function bundleIife(entry, name = 'SourceLensBench') {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      write: false,
      minify: true,
      lib: { entry: resolve(ROOT, entry), formats: ['iife'], name },
    },
  });
  return (Array.isArray(out) ? out[0] : out).output[0].code;
}
