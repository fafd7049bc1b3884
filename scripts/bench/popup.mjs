// The popup's first render, measured in Debian's Chromium with the built extension: the toolbar popup opened as a
// page, again and again, in turns in two browsers — one with nothing kept (`popup_empty_render_ms`: the page, its
// code and the empty shortlist's read), one with 2,000 kept offers, their retail products and 90 days of price
// history each written into the extension's database through an extension page and folded into blocks by the
// extension's own daily maintenance, as it holds them after a day (`popup_first_render_ms`). Each run times from the
// page's navigation start to the first frame after the shortlist's rows and the first row's sparkline (its
// history read) are in the DOM. Medians of the runs; `popup_render_ratio` is the one over the other, measured in
// the same run on the same machine, so a busy machine moves both. Beside them, the floor under the popup's own
// read on the same data (`popup_read_floor_ms`: a bare IndexedDB open and the same reads, no Dexie, no UI), and
// under everything a blank extension page's first frame (`extension_blank_page_ms`), timed the same way.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const { startHarness } = await tsImport('../../tests/e2e/support/harness.ts', import.meta.url);
const { EXTENSION_DIR } = await tsImport('../../tests/e2e/support/browser.ts', import.meta.url);
const { PopupPage } = await tsImport('../../tests/e2e/pages/PopupPage.ts', import.meta.url);
const { runMaintenanceNow } = await tsImport('../../tests/e2e/support/maintenance.ts', import.meta.url);

/** Installed in the popup before any of its scripts: notes the first frame in which `ready()` holds. */
const observer = (ready) => `(() => {
  const has = (sel) => document.querySelector(sel);
  const ready = () => ${ready};
  let rows = null;
  const observer = new MutationObserver(() => {
    if (rows === null && has('[data-testid="shortlist-row"]')) rows = performance.now();
    if (!ready()) return;
    observer.disconnect();
    const inDom = performance.now();
    requestAnimationFrame(() => {
      const read = performance.getEntriesByName('sourcelens:shortlist-read')[0];
      const asked = performance.getEntriesByName('sourcelens:shortlist-asked')[0];
      window.__firstRender = {
        rows: rows ?? inDom,
        inDom,
        painted: performance.now(),
        read: read ? read.startTime : inDom,
        asked: asked ? asked.startTime : inDom,
      };
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;
const BLANK = observer(`has('[data-testid="blank"]')`);
const EMPTY = observer(`has('[data-testid="shortlist-empty"]') && has('[data-testid="recent-products"]')`);
const FULL = observer(`has('[data-testid="shortlist-row"] [data-testid="sparkline"]')`);

/**
 * The floor under the popup's first read, on the same data: a bare IndexedDB open and the same first-screen reads
 * (the count, the newest 12 entries, their offers and their histories) with no Dexie, no UI, from an extension
 * document that runs none of our code.
 */
const BARE_READ = `(async () => {
  const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  const t0 = performance.now();
  const db = await new Promise((res, rej) => {
    const o = indexedDB.open('sourcelens');
    o.onsuccess = () => res(o.result);
    o.onerror = () => rej(o.error);
  });
  const opened = performance.now();
  const tx = db.transaction(['shortlist', 'offers', 'priceObservations', 'priceBlocks'], 'readonly');
  await req(tx.objectStore('shortlist').count());
  const entries = [];
  await new Promise((res) => {
    const c = tx.objectStore('shortlist').index('addedAt').openCursor(null, 'prev');
    c.onsuccess = () => {
      const cur = c.result;
      if (!cur || entries.length >= 12) return res();
      entries.push(cur.value);
      cur.continue();
    };
  });
  const loose = tx.objectStore('priceObservations').index('[subjectKey+at]');
  const blocks = tx.objectStore('priceBlocks');
  await Promise.all(entries.flatMap((e) => [
    req(tx.objectStore('offers').get(e.offerKey)),
    req(blocks.getAll(IDBKeyRange.bound([e.offerKey, -Infinity], [e.offerKey, Infinity]))),
    req(loose.getAll(IDBKeyRange.bound([e.offerKey, -Infinity], [e.offerKey, Infinity]))),
  ]));
  const done = performance.now();
  db.close();
  return { open: opened - t0, total: done - t0 };
})()`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : Number.NaN;
};
const round = (x) => Math.round(x * 10) / 10;

/** One popup opened as a fresh page in `h`'s browser: its marks and when its first render was painted. */
async function timeRun(h, script, file = 'popup.html') {
  const page = await h.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 600 });
  await page.addInitScript(script);
  await page.goto(`chrome-extension://${h.browser.extensionId}/${file}`, { waitUntil: 'commit' });
  const t = await page
    .waitForFunction(() => window.__firstRender, undefined, { timeout: 30_000 })
    .then((handle) => handle.jsonValue());
  await page.close();
  return t;
}

/** `popup_first_render_ms` with 2,000 kept offers, `popup_empty_render_ms`, their ratio, and the rows' part. */
export async function popupFigures({ runs = 9, offers = 2000, days = 90, log = console.error } = {}) {
  // Two browsers side by side, one with nothing kept and one with the kept offers, opened in turns: the load of
  // this shared machine moves during a run, and alternating makes both figures meet the same load.
  // The empty browser's copy of the build also holds a blank page (one paragraph, no script, no style): what any
  // extension page costs this machine before our code runs (`extension_blank_page_ms`).
  const copy = mkdtempSync(join(tmpdir(), 'sourcelens-bench-popup-'));
  cpSync(EXTENSION_DIR, copy, { recursive: true });
  writeFileSync(
    join(copy, 'bench-blank.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body><p data-testid="blank">blank</p></body></html>',
  );
  const hEmpty = await startHarness(undefined, { extensionDir: copy });
  const h = await startHarness();
  try {
    // The first open creates each database at its current version; not measured.
    for (const x of [hEmpty, h]) {
      const first = await PopupPage.open(x.browser);
      await first.page.getByTestId('shortlist-empty').waitFor();
      if (x === h) {
        const seedStart = performance.now();
        await first.seed({ offers, pointsPerOffer: days, products: 40, now: Date.now() });
        // As the extension holds them after its daily maintenance: folded into blocks.
        await runMaintenanceNow(x.browser);
        log(
          `popup bench: seeded ${offers} kept offers × ${days} days of prices in ${Math.round(performance.now() - seedStart)} ms`,
        );
      }
      await first.page.close();
    }
    const blank = [];
    const empty = { painted: [], read: [], asked: [] };
    const full = { painted: [], rows: [], read: [], asked: [] };
    for (let i = 0; i < runs; i++) {
      blank.push((await timeRun(hEmpty, BLANK, 'bench-blank.html')).painted);
      const e = await timeRun(hEmpty, EMPTY);
      empty.painted.push(e.painted);
      empty.read.push(e.read);
      empty.asked.push(e.asked);
      const f = await timeRun(h, FULL);
      full.painted.push(f.painted);
      full.rows.push(f.rows);
      full.read.push(f.read);
      full.asked.push(f.asked);
    }
    // The list holds every kept offer (virtualised: only those in view are drawn).
    const check = await PopupPage.open(h.browser);
    await check.rows.first().waitFor();
    const listed = await check.count();
    await check.page.close();
    if (listed !== offers) throw new Error(`the popup listed ${listed} kept offers, not ${offers}`);

    const bareOpen = [];
    const bareTotal = [];
    for (let i = 0; i < runs; i++) {
      const page = await h.browser.context.newPage();
      await page.goto(`chrome-extension://${h.browser.extensionId}/manifest.json`);
      const t = await page.evaluate(BARE_READ);
      bareOpen.push(t.open);
      bareTotal.push(t.total);
      await page.close();
    }

    const load = loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
    log(`blank extension page, ms: ${blank.map(round).join(' ')}`);
    log(`popup empty render, ms: ${empty.painted.map(round).join(' ')}`);
    log(`popup ${offers} kept render, ms: ${full.painted.map(round).join(' ')} (load average ${load})`);
    const fullMs = median(full.painted);
    const emptyMs = median(empty.painted);
    return {
      popup_first_render_ms: round(fullMs),
      popup_empty_render_ms: round(emptyMs),
      popup_render_ratio: Math.round((fullMs / emptyMs) * 100) / 100,
      // The floor under both: a blank extension page (no script, no style) to its first frame, same runs.
      extension_blank_page_ms: round(median(blank)),
      // Of which: the rows in the DOM (before the drawn rows' histories are read for their sparklines).
      popup_rows_ready_ms: round(median(full.rows)),
      // Of which: the first screen's data read (entries, offers, products, histories), empty and full.
      popup_shortlist_read_ms: round(median(full.read)),
      popup_empty_read_ms: round(median(empty.read)),
      // When the popup asked for it (its code loaded; the first screen is asked before the first render), full and
      // empty.
      popup_shortlist_asked_ms: round(median(full.asked)),
      popup_empty_asked_ms: round(median(empty.asked)),
      // The floor under that read on the same data: a bare IndexedDB open (most of it, for a large database) and
      // the same reads without Dexie or UI.
      popup_read_floor_ms: round(median(bareTotal)),
      popup_idb_open_ms: round(median(bareOpen)),
      popup_first_render_max_ms: round(Math.max(...full.painted)),
    };
  } finally {
    await hEmpty.close();
    await h.close();
    rmSync(copy, { recursive: true, force: true });
  }
}

// Run alone: `node scripts/bench/popup.mjs` prints the figures as JSON.
if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await popupFigures()));
