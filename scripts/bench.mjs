#!/usr/bin/env node
// `npm run bench [-- --json]`: speed and size figures. Detection is timed in Debian's Chromium on the saved
// real pages (../shared/data/pages), through the same path the spotter content script runs; the side panel's
// first render with the built extension against the mock sources (scripts/bench/sidepanel.mjs). With --json,
// prints one JSON object of named figures and nothing else on stdout. Size figures read the built extension,
// which is built first when it is missing or older than its sources (`--rebuild` builds it anyway).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { backupFigures } from './bench/backup.mjs';
import { ensureBuilt, OUTPUT } from './bench/build.mjs';
import { historyFigures } from './bench/history.mjs';
import { bundleIife, median, percentile, round as roundTo } from './bench/lib.mjs';
import { trainerFigures } from './bench/offline-code.mjs';
import { loadSavedPages } from './bench/pages.mjs';
import { popupFigures } from './bench/popup.mjs';
import { resultsFigures } from './bench/results.mjs';
import { sidepanelFigures } from './bench/sidepanel.mjs';
import { chromiumPath, hasChromium } from './chromium.mjs';

const json = process.argv.includes('--json');
const log = (...a) => (json ? console.error(...a) : console.log(...a));
const ROOT = resolve(import.meta.dirname, '..');
const RUNS = 7;

const round = (x, d = 3) => roundTo(x, d);
const bundle = (entry) => bundleIife(entry);

async function detectFigures() {
  if (!hasChromium()) throw new Error(`no Chromium at ${chromiumPath}`);
  const code = await bundle('scripts/bench/detect-entry.ts');
  const pages = loadSavedPages(ROOT);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({ javaScriptEnabled: true });
  const perPage = [];
  const noProduct = [];
  const walks = [];
  let current = { url: '', html: '' };
  // Requests carry no #fragment: compare addresses without it.
  const same = (a, b) => {
    try {
      const [x, y] = [new URL(a), new URL(b)];
      x.hash = '';
      y.hash = '';
      return x.href === y.href;
    } catch {
      return false;
    }
  };
  // The saved HTML is the document; every subresource is refused, so pages can't reach out or slow the run.
  // A page's own attempt to navigate elsewhere (ad-blocker walls, consent redirects) is answered 204 No
  // Content, which leaves the page where it is (an aborted navigation would show an error page instead), so
  // it neither replaces the page being measured nor cuts off the next one.
  await context.route('**/*', (route) => {
    const req = route.request();
    if (!req.isNavigationRequest() || req.frame().parentFrame() !== null) return route.abort();
    if (same(req.url(), current.url))
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: current.html });
    return route.fulfill({ status: 204, body: '' });
  });
  const page = await context.newPage();
  for (const saved of pages) {
    current = { url: saved.url, html: saved.html };
    try {
      await page.goto(saved.url, { waitUntil: 'domcontentloaded', timeout: 15000 });
      await page.addScriptTag({ content: code });
      const r = await page.evaluate((runs) => globalThis.__sourcelensBench.timeSpotter(runs), RUNS);
      const m = median(r.ms);
      if (saved.noProduct) noProduct.push(m);
      else perPage.push(m);
      walks.push(median(r.walkMs));
    } catch (err) {
      log(`skipped ${saved.url}: ${String(err).split('\n')[0]}`);
    }
  }
  // dHash on a blank document of its own.
  current = { url: 'https://bench.invalid/', html: '<!doctype html><title>dhash</title>' };
  await page.goto(current.url, { waitUntil: 'domcontentloaded' });
  await page.addScriptTag({ content: code });
  const dhash = await page.evaluate((n) => globalThis.__sourcelensBench.timeDhash(n), 15);
  await browser.close();
  const all = [...perPage, ...noProduct];
  return {
    detect_ms_median: round(median(all)),
    detect_ms_p95: round(percentile(all, 95)),
    detect_noproduct_ms_median: round(median(noProduct)),
    detect_pages: all.length,
    // The floor: one bare walk over the same pages' elements, timed in turns with the spotter on each page.
    detect_walk_ms_median: round(median(walks)),
    detect_walk_ratio: round(median(all) / median(walks), 2),
    dhash_ms: round(median(dhash.ms)),
    // The floor: decoding the same JPEG alone, in turns with the hashing (target ratio ≤ 1.3).
    dhash_decode_ms: round(median(dhash.decodeMs)),
    dhash_decode_ratio: round(median(dhash.ms) / median(dhash.decodeMs), 2),
  };
}

/** Sizes of the built extension, and whether offline code reached it; builds first when the build is stale. */
function builtFigures() {
  ensureBuilt(ROOT, { force: process.argv.includes('--rebuild'), quiet: json });
  const built = (file) => readFileSync(resolve(ROOT, OUTPUT, file));
  const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
  const src = built('content-scripts/spotter.js');
  return {
    content_script_bytes: src.length,
    content_script_gzip_bytes: gzip(src),
    // The engine is imported only on pages with a product signal (entrypoints/detector.ts): report it apart.
    detector_gzip_bytes: gzip(built('detector.js')),
    background_gzip_bytes: gzip(built('background.js')),
    ...trainerFigures(ROOT, OUTPUT),
  };
}

function nodeFigures() {
  const r = spawnSync('npx', ['tsx', 'scripts/bench/node-bench.ts'], { encoding: 'utf8' });
  if (r.status !== 0) {
    log(r.stderr);
    return {};
  }
  return JSON.parse(r.stdout);
}

const figures = {
  ...builtFigures(),
  ...(await detectFigures()),
  // The built extension's side panel against the mock sources (needs the build builtFigures made sure of).
  ...(await sidepanelFigures({ log })),
  // The results list as the panel renders it, 60 and 600 offers (scripts/bench/results.mjs).
  ...(await resultsFigures({ log })),
  // Price history with 2,000 kept offers and 1,000,000 points, in a reused seeded profile (scripts/bench/history.mjs).
  ...(await historyFigures({ log })),
  // Backup of that same database, its time and memory (scripts/bench/backup.mjs).
  ...(await backupFigures({ log })),
  // The popup with 2,000 kept offers and their history, beside an empty popup (scripts/bench/popup.mjs).
  ...(await popupFigures({ log })),
  ...nodeFigures(),
};
if (json) console.log(JSON.stringify(figures));
else for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(32)} ${v}`);
