// Backup of the whole database at scale, in Debian's Chromium: the extension's own backup code (storage/backup:
// dexie-export-import over Dexie) bundled with scripts/bench/backup-entry.ts into a plain page, over the history
// bench's data set — 2,000 kept offers and 1,000,000 price points in the reused profile .cache/bench-history-profile
// (seeded by history-entry.ts's `seed`, the same call scripts/bench/history.mjs makes; whichever bench runs first
// seeds it). Figures:
//   backup_s           the whole database backed up as the options page does (createBackup), seconds
//   backup_floor_s     every row read with bare IndexedDB in slices of 2,000 and turned into JSON (same run)
//   backup_ratio       the two
//   backup_mb          the backup file's size
//   backup_peak_mb     the page's renderer process at its largest during the backup: its private resident memory
//                      (RssAnon + RssShmem from /proc, sampled every 50 ms; the shared Chromium binary left out).
//                      Process memory rather than the JS heap in use: the heap's garbage not yet collected, the
//                      pages V8 keeps committed and each Blob part's own cost all count (storage/backup/backup.ts
//                      has the measurements by slice size); not measureUserAgentSpecificMemory, which needs a
//                      cross-origin-isolated page. Target ≤ 200.
//   backup_heap_peak_mb  the V8 heap in use at its largest (CDP Runtime.getHeapUsage, sampled), for comparison
//   backup_base_mb     the renderer's resident memory just before the backup (a fresh page, after a collection)
//   backup_browser_peak_mb / _base_mb  the browser process likewise: it keeps the Blob parts the page hands over
//                      (Chromium's blob store, in memory up to its limit, then on disk), so the finished file is
//                      counted there, not in the page
//   restore_s          that file restored over the same database (replace: everything checked, then written in one
//                      transaction, the database locked meanwhile), seconds; restore_check_s its first, read-only
//                      pass
import { readdirSync, readFileSync } from 'node:fs';
import { historyPage, launchHistoryProfile, seedHistory } from './history-profile.mjs';
import { bundleIife, loadAverage, round } from './lib.mjs';

const MB = 1024 * 1024;

const bundle = () => bundleIife('scripts/bench/backup-entry.ts', 'SourceLensBackupBench');

/** Every process descended from this one (Linux /proc): Chromium's browser, renderers, GPU and utilities. */
function descendants(root) {
  const parent = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses; the ppid follows the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(entry), ppid);
    } catch {
      // the process ended meanwhile
    }
  }
  const out = [];
  for (const pid of parent.keys()) {
    let p = parent.get(pid);
    for (let hops = 0; p && hops < 10; hops++) {
      if (p === root) {
        out.push(pid);
        break;
      }
      p = parent.get(p);
    }
  }
  return out;
}

/**
 * Private resident memory (RssAnon + RssShmem from /proc: what the process itself allocated, without the
 * Chromium binary and libraries it shares with every other process) of this process's Chromium processes, bytes:
 * each renderer by pid, and the browser process (which holds the Blob data pages hand over).
 */
function chromiumMemory() {
  const renderers = new Map();
  let browser = 0;
  for (const pid of descendants(process.pid)) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const kind = cmd.includes('--type=renderer') ? 'renderer' : cmd.includes('--type=') ? null : 'browser';
      if (!kind) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
      const bytes = (kb('RssAnon') + kb('RssShmem')) * 1024;
      if (kind === 'renderer') renderers.set(pid, bytes);
      else browser += bytes;
    } catch {
      // gone
    }
  }
  return { renderers, browser };
}

/** The figures named in the header; `log` gets the run and the load average. */
export async function backupFigures({ log = console.error } = {}) {
  const code = await bundle();
  const context = await launchHistoryProfile('backup bench');
  try {
    const seeding = await historyPage(context, code, context.pages()[0]);
    await seedHistory(seeding, 'backup', log);
    // A page of its own (a fresh renderer), so memory the seeding used is not counted as the backup's.
    const page = await context.newPage();
    await seeding.close();
    await historyPage(context, code, page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const base = chromiumMemory();
    const peakRenderer = new Map(base.renderers);
    let peakBrowser = base.browser;
    const rssTimer = setInterval(() => {
      const now = chromiumMemory();
      for (const [pid, bytes] of now.renderers)
        peakRenderer.set(pid, Math.max(peakRenderer.get(pid) ?? 0, bytes));
      peakBrowser = Math.max(peakBrowser, now.browser);
    }, 50);
    let peakHeap = 0;
    let sampling = true;
    const heapLoop = (async () => {
      while (sampling) {
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        peakHeap = Math.max(peakHeap, usedSize);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    let run;
    try {
      run = await page.evaluate(() => globalThis.__backupBench.backup());
    } finally {
      clearInterval(rssTimer);
      sampling = false;
      await heapLoop;
    }
    // The floor after the backup, in the same page: it must not inflate the backup's memory figures.
    const floor = await page.evaluate(() => globalThis.__backupBench.floor());
    const restored = await page.evaluate(() => globalThis.__backupBench.restore());
    const load = loadAverage();
    // The backup page's renderer is the one that grew most (a closed page's renderer may linger beside it).
    let pagePid = null;
    for (const [pid, bytes] of peakRenderer)
      if (
        pagePid === null ||
        bytes - (base.renderers.get(pid) ?? 0) >
          peakRenderer.get(pagePid) - (base.renderers.get(pagePid) ?? 0)
      )
        pagePid = pid;
    const rendererPeak = pagePid === null ? 0 : peakRenderer.get(pagePid);
    const rendererBase = pagePid === null ? 0 : (base.renderers.get(pagePid) ?? 0);
    log(
      `backup: ${run.rows} rows, ${round(run.bytes / MB, 1)} MB in ${round(run.ms / 1000)} s (${run.progressCalls} progress calls); bare read + JSON ${round(floor.ms / 1000)} s; page's renderer (private memory) ${round(rendererBase / MB, 1)} MB before, ${round(rendererPeak / MB, 1)} MB at most; browser process ${round(base.browser / MB, 1)} → ${round(peakBrowser / MB, 1)} MB; V8 heap at most ${round(peakHeap / MB, 1)} MB (load average ${load})`,
    );
    log(
      `restore (replace) of that file: ${restored.rows} rows in ${round(restored.ms / 1000)} s, of which the check before writing ${round(restored.checkMs / 1000)} s`,
    );
    return {
      backup_s: round(run.ms / 1000),
      backup_floor_s: round(floor.ms / 1000),
      backup_ratio: round(run.ms / floor.ms),
      backup_mb: round(run.bytes / MB, 1),
      backup_peak_mb: round(rendererPeak / MB, 1),
      backup_heap_peak_mb: round(peakHeap / MB, 1),
      backup_base_mb: round(rendererBase / MB, 1),
      backup_browser_peak_mb: round(peakBrowser / MB, 1),
      backup_browser_base_mb: round(base.browser / MB, 1),
      restore_s: round(restored.ms / 1000),
      restore_check_s: round(restored.checkMs / 1000),
    };
  } finally {
    await context.close();
  }
}

// Run alone: `node scripts/bench/backup.mjs` prints the figures as JSON.
if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await backupFigures()));
