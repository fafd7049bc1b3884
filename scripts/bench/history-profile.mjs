// The Chromium profile the history and backup benches share: 2,000 kept offers and 1,000,000 price points in the
// extension's database schema, seeded once (tens of seconds) by history-entry.ts's `seed` and reused by later runs
// (delete .cache/bench-history-profile to reseed). One fixed origin, so the database is found again.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../chromium.mjs';
import { ROOT, round } from './lib.mjs';

export const PROFILE = resolve(ROOT, '.cache', 'bench-history-profile');
export const ORIGIN = 'https://history-bench.invalid/';
export const OFFERS = 2000;
export const PER_OFFER = 500;

/** The profile's browser, its one origin served as an empty page titled `title`. */
export async function launchHistoryProfile(title) {
  mkdirSync(PROFILE, { recursive: true });
  const context = await chromium.launchPersistentContext(PROFILE, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  await context.route(`${ORIGIN}**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: `<!doctype html><title>${title}</title>` }),
  );
  return context;
}

/** A page on the profile's origin with `code` (a bundle defining `__historyBench`) loaded. */
export async function historyPage(context, code, page = undefined) {
  const p = page ?? (await context.newPage());
  await p.goto(ORIGIN);
  await p.addScriptTag({ content: code });
  return p;
}

/** Seeds the database unless the profile already holds it; logs which, prefixed with `name`. */
export async function seedHistory(page, name, log) {
  const seeded = await page.evaluate(([o, p]) => globalThis.__historyBench.seed(o, p), [OFFERS, PER_OFFER]);
  log(
    seeded.seeded
      ? `${name}: seeded ${seeded.count} points in ${round(seeded.ms / 1000, 1)} s`
      : `${name}: reused the seeded profile (${seeded.count} points)`,
  );
  return seeded;
}
