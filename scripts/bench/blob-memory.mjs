// Where a page's Blob parts live, in Debian's Chromium: a blank page builds 600 Blobs of 220 kB each from JSON-like
// strings (about the shape and size of the backup's slices, storage/backup/backup.ts) and keeps them all alive.
// Printed: the page's renderer and the browser process (private resident memory, MB) before, after the Blobs are
// made, and after a garbage collection with the Blobs still alive. On this machine the renderer grew by about
// 155 MB and was back to about +24 MB after the collection while the browser process kept about +126 MB: the
// bytes of the parts live in the browser process; what the page held was the garbage text they were made from.
// Not part of `npm run bench` (it measures no SourceLens code); run alone: `node scripts/bench/blob-memory.mjs`.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { loadAverage } from './lib.mjs';

const PARTS = 600;
const PART_CHARS = 220_000;

/** Private resident memory (RssAnon + RssShmem), MB, of this process's Chromium renderers and browser process. */
function memory() {
  const out = { renderer: 0, browser: 0 };
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmd.includes('chromium')) continue;
      const kind = cmd.includes('--type=renderer') ? 'renderer' : cmd.includes('--type=') ? null : 'browser';
      if (!kind) continue;
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
      out[kind] += Math.round((kb('RssAnon') + kb('RssShmem')) / 1024);
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

const profile = mkdtempSync(join(tmpdir(), 'sourcelens-blob-memory-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox'],
});
try {
  const page = await context.newPage();
  await page.goto('about:blank');
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const before = memory();
  await page.evaluate(
    async ([parts, chars]) => {
      const kept = [];
      for (let i = 0; i < parts; i++) {
        const row = JSON.stringify({
          subjectKey: `offer:1688:${i}`,
          points: Array.from({ length: 60 }, (_, j) => [j, 1234 + j]),
        });
        let text = '';
        while (text.length < chars) text += `${row},`;
        kept.push(new Blob([text]));
        if (i % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      }
      globalThis.__kept = kept;
    },
    [PARTS, PART_CHARS],
  );
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const made = memory();
  await cdp.send('HeapProfiler.collectGarbage');
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const collected = memory();
  const alive = await page.evaluate(() => globalThis.__kept.reduce((n, b) => n + b.size, 0));
  console.log(
    JSON.stringify({
      blob_parts_mb: Math.round(alive / 1024 / 1024),
      renderer_before_mb: before.renderer,
      renderer_made_mb: made.renderer,
      renderer_collected_mb: collected.renderer,
      browser_before_mb: before.browser,
      browser_collected_mb: collected.browser,
      load_average: loadAverage(),
    }),
  );
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
